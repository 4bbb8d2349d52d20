package org.fieldsafety.fsca.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FscaCaseOpened;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** From a triage event on the real broker to a signed decision published on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class FscaCaseFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    ObjectMapper json;

    @Inject
    AuditedCommands commands;

    @Inject
    AuditTrail trail;

    /**
     * Commands on one cached case from many threads at once (the Kafka consumer and users' steps): each
     * must build on the events committed before it, so the audit chain stays one unbroken line.
     */
    @Test
    void concurrentCommandsOnOneCaseKeepItsAuditChainUnbroken() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        int incidents = 40;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> sent = new ArrayList<>();
            for (int i = 0; i < incidents; i++) {
                Incident incident = Incidents.overdose(problemId + "-" + i, Instant.now(), "4.2.1", List.of());
                RecordTriage command = RecordTriage.first(
                        problemId, "INSULIN-PUMP-X", null, List.of(incident), List.of(), Instant.now());
                sent.add(threads.submit(() -> Conflicts.retry(() -> commands.send(command, AuditedCommands.SYSTEM))));
            }
            for (Future<Object> each : sent) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        AuditTrail.Audit audit = trail.audit(FscaCase.class, caseId);
        assertTrue(audit.verified());
        assertEquals(1 + incidents, audit.entries().size());
    }

    /**
     * Reports of two problems interleaved in one consumed batch: each case gets its own incidents in order,
     * with an unbroken audit chain, and the batch delivered again changes nothing.
     */
    @Test
    void interleavedReportsOfTwoProblemsEachJoinTheirOwnCase() throws Exception {
        List<String> problems =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        int perProblem = 8;
        List<ReportTriaged> reports = new ArrayList<>();
        for (int i = 0; i < perProblem; i++) {
            for (String problemId : problems) {
                reports.add(TriageEvents.seriousIncident(
                        problemId + "-" + i, problemId, Instant.now().minusSeconds(3600), Duration.ofDays(15)));
            }
        }
        List<ProducerRecord<String, String>> batch = new ArrayList<>();
        for (ReportTriaged report : reports) {
            batch.add(TriageEvents.record(json, report));
        }
        TestKafka.publishInOneBatch(bootstrapServers, batch);
        TestKafka.publishInOneBatch(bootstrapServers, batch); // redelivered

        for (String problemId : problems) {
            String caseId = FscaCases.caseIdFor(problemId);
            List<String> expected = IntStream.range(0, perProblem)
                    .mapToObj(i -> problemId + "-" + i)
                    .toList();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertEquals(
                            expected,
                            given().auth()
                                    .preemptive()
                                    .basic("auditor", "auditor-local")
                                    .get("/api/v1/fsca-cases/{id}", caseId)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("incidents.reportId", String.class)));
            AuditTrail.Audit audit = trail.audit(FscaCase.class, caseId);
            assertTrue(audit.verified());
            // opened, the product the registry knows, then each incident
            assertEquals(2 + perProblem, audit.entries().size());
        }
    }

    /** A trend episode (MDR Art. 88) is one signal on its problem's case, however often it is delivered. */
    @Test
    void aTrendSignalOpensACaseThatHoldsTheEpisodeOnce() throws Exception {
        String problemId = UUID.randomUUID().toString();
        ProducerRecord<String, String> signal = TriageEvents.record(json, TriageEvents.trendSignal(problemId));
        TestKafka.publishInOneBatch(bootstrapServers, List.of(signal));
        TestKafka.publishInOneBatch(bootstrapServers, List.of(signal)); // redelivered

        String caseId = FscaCases.caseIdFor(problemId);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("incidents", hasSize(0))
                .body("trendSignals", hasSize(1))
                .body("trendSignals[0].signalId", equalTo("trend-signal-" + problemId + "-1"))
                .body("trendSignals[0].softwareItem", equalTo("event-log"))
                .body("trendSignals[0].observed", equalTo(8)));
        AuditTrail.Audit audit = trail.audit(FscaCase.class, caseId);
        assertTrue(audit.verified());
        assertEquals(2, audit.entries().size(), "opened, then the one signal");
    }

    @Test
    void anFscaCandidateOpensACaseThatRegulatoryAffairsDecidesAndSigns() throws Exception {
        String problemId = UUID.randomUUID().toString();
        ReportTriaged triaged = triaged(problemId);
        publish(triaged);
        publish(triaged); // redelivery: still one incident

        String caseId = FscaCases.caseIdFor(problemId);
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("problemId", problemId)
                .get("/api/v1/fsca-cases")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].caseId", equalTo(caseId))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].timeLeft", startsWith("PT"))
                .body("[0].overdue", equalTo(false))
                .body("[0].incidents", hasSize(1))
                .body("[0].incidents[0].awareAt", equalTo(triaged.awareAt().toString()))
                .body("[0].incidents[0].clocks[0].basis", equalTo("Art. 87(3)")));

        try (KafkaConsumer<String, String> milestones = TestKafka.consumerFromStart(bootstrapServers, Topics.FSCA)) {
            String traceId = randomHex(32);
            given().auth()
                    .preemptive()
                    .basic("ra", "ra-local")
                    .contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
                    .body(decision("ra-local"))
                    .post("/api/v1/fsca-cases/{id}/decision", caseId)
                    .then()
                    .statusCode(200)
                    .body("signature.signer", equalTo("ra"))
                    .body("signature.printedName", equalTo("Rosa Alvarez"))
                    .body("signature.meaning", equalTo("APPROVAL"));

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .filter(r -> FscaDecisionTaken.TYPE.equals(TestKafka.header(r, "ce_type")))
                        .forEach(received::add);
                return !received.isEmpty();
            });
            ConsumerRecord<String, String> record = received.get(0);
            assertEquals("org.fieldsafety.FscaDecisionTaken.v1", TestKafka.header(record, "ce_type"));
            // published from the stored event, in the trace of the request that decided
            assertEquals(traceId, TestKafka.header(record, "traceparent").split("-")[1]);
            assertEquals(
                    "FSCA_REQUIRED",
                    json.readTree(record.value()).get("decision").asText());
            assertEquals(
                    "dose-calculator",
                    json.readTree(record.value()).get("softwareItems").get(0).asText());
        }

        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("decision.signature.signer", equalTo("ra"))
                .body("decision.signedVersion", equalTo(2)));

        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .contentType(ContentType.JSON)
                .body(decision("ra-local"))
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aCaseOpenedFromATriageRecordIsPublishedInTheRecordsTrace() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String traceId = randomHex(32);
        ProducerRecord<String, String> record = TriageEvents.record(json, triaged(problemId));
        record.headers()
                .add("traceparent", ("00-" + traceId + "-" + randomHex(16) + "-01").getBytes(StandardCharsets.UTF_8));
        String caseId = FscaCases.caseIdFor(problemId);
        try (KafkaConsumer<String, String> milestones = TestKafka.consumerFromStart(bootstrapServers, Topics.FSCA)) {
            TestKafka.publishInOneBatch(bootstrapServers, List.of(record));
            List<ConsumerRecord<String, String>> opened = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .filter(r -> FscaCaseOpened.TYPE.equals(TestKafka.header(r, "ce_type")))
                        .forEach(opened::add);
                return !opened.isEmpty();
            });
            assertEquals(traceId, TestKafka.header(opened.get(0), "traceparent").split("-")[1]);
        }
    }

    @Test
    void aDecidedCaseRunsInOrderToItsSignedClosureWithATamperEvidentAuditTrail() throws Exception {
        String problemId = UUID.randomUUID().toString();
        publish(triaged(problemId));
        String caseId = FscaCases.caseIdFor(problemId);
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1)));

        step("auditor", "assessment", caseId, assessment("auditor")).statusCode(403);
        step("ra", "assessment", caseId, assessment("ra")).statusCode(200);
        step("ra", "decision", caseId, decision("ra-local").replace("APPROVAL", "REVIEW"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("11.50(a)(3)"));
        step("ra", "decision", caseId, decision("ra-local")).statusCode(200);
        step("ra", "incidents/report-" + problemId + "/reportability", caseId, notReportable("US_FDA"))
                .statusCode(200)
                .body("signature.meaning", equalTo("APPROVAL"));
        step("ra", "field-safety-notice", caseId, NOTICE)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("MDR Art. 87(8)"))
                .body("detail", containsString("DE (EU_MDR), FR (EU_MDR)"));
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}/field-safety-notice", caseId)
                .then()
                .statusCode(200)
                .body("issued", equalTo(false))
                .body("notice.device", equalTo("Insulin Pump X"))
                .body("notice.udiDi", equalTo("04012345000019"))
                .body("notice.affectedSoftware", hasItem("dose-calculator 4.2.1"))
                .body("notice.risk", containsString("Overdose possible")));
        step(
                        "ra",
                        "authority-notification",
                        caseId,
                        notification("DE", Instant.now().plus(Duration.ofDays(1))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not later than now"));
        step("ra", "authority-notification", caseId, notification("DE", null)).statusCode(204);
        step("ra", "authority-notification", caseId, notification("FR", null)).statusCode(204);
        step("ra", "field-safety-notice", caseId, NOTICE)
                .statusCode(200)
                .body("reference", equalTo("FSN-" + caseId))
                .body("manufacturerSrn", equalTo("XX-MF-000000000"))
                .body("contact", equalTo("vigilance@example.org"));
        step("ra", "acknowledgements", caseId, "{\"recipient\":\"clinic-a\"}").statusCode(204);
        for (int attempt = 1; attempt <= 3; attempt++) {
            step("ra", "delivery-failures", caseId, "{\"recipient\":\"clinic-b\",\"reason\":\"bounced\"}")
                    .statusCode(204);
        }
        step("ra", "closure", caseId, CLOSURE).statusCode(409).body("detail", containsString("ISO 13485 8.5.2"));
        step("ra", "effectiveness-check", caseId, "{\"outcome\":\"PASSED\",\"rationale\":\"All on 4.2.2\"}")
                .statusCode(204);
        step("ra", "closure", caseId, CLOSURE)
                .statusCode(409)
                .body("detail", containsString("EU_MDR Art. 87(3)"))
                .body("detail", containsString("21 CFR 806.10"));
        step("ra", "incidents/report-" + problemId + "/reportability", caseId, notReportable("EU_MDR"))
                .statusCode(200);
        step("ra", "reportability", caseId, notReportable("US_FDA")).statusCode(200);
        step("ra", "closure", caseId, CLOSURE)
                .statusCode(409)
                .body("detail", containsString("MDR Art. 87(1)(b), 87(8)"))
                .body("detail", containsString("US FDA (US_FDA)"));
        step("ra", "authority-notification", caseId, notification("US", null)).statusCode(204);
        step("ra", "closure", caseId, CLOSURE).statusCode(200).body("signature.signer", equalTo("ra"));

        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("overdue", equalTo(false))
                .body("incidents[0].clocks.state", equalTo(List.of("NOT_REPORTABLE", "NOT_REPORTABLE")))
                .body("correctionClock.state", equalTo("NOT_REPORTABLE"))
                .body("authorities.notified", equalTo(List.of(true, true, true)))
                .body("fieldSafetyNotices[0].acknowledgements.recipient", hasItem("clinic-a"))
                .body("fieldSafetyNotices[0].signature.meaning", equalTo("AUTHORSHIP"))
                .body("deliveryFailures.finalFailure", equalTo(List.of(false, false, true)))
                .body("closure.signature.meaning", equalTo("APPROVAL")));

        try (KafkaConsumer<String, String> milestones = TestKafka.consumerFromStart(bootstrapServers, Topics.FSCA)) {
            Set<String> types = new HashSet<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .forEach(r -> types.add(TestKafka.header(r, "ce_type")));
                return types.size() == 6;
            });
            assertEquals(
                    Set.of(
                            "org.fieldsafety.FscaCaseOpened.v1",
                            "org.fieldsafety.ReportabilityDecided.v1",
                            FscaDecisionTaken.TYPE,
                            "org.fieldsafety.AuthorityNotified.v1",
                            "org.fieldsafety.FieldSafetyNoticeIssued.v1",
                            "org.fieldsafety.FscaCaseClosed.v1"),
                    types);
        }

        JsonPath audit = given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}/audit", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(audit.getBoolean("verified"));
        assertEquals(20, audit.getList("entries").size()); // with the FSCA reports due, recorded with the decision
        assertEquals("FscaCaseOpened", audit.getString("entries[0].type"));
        assertEquals("system", audit.getString("entries[0].who"));
        assertEquals("ra", audit.getString("entries[3].who"));
        assertEquals(audit.getString("entries[0].hash"), audit.getString("entries[1].previousHash"));

        // the triggers refuse even a superuser, who can switch them off for the session
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement tamper = connection.prepareStatement("update domain_event_entry set payload ="
                        + " convert_to(replace(convert_from(payload, 'UTF8'), 'INSULIN-PUMP-X', 'OTHER-PUMP'), 'UTF8')"
                        + " where aggregate_identifier = ? and sequence_number = 0")) {
            tamper.setString(1, caseId);
            assertThrows(SQLException.class, tamper::executeUpdate);
            assertThrows(SQLException.class, () -> connection
                    .createStatement()
                    .executeUpdate("delete from audit_chain where aggregate_id = '" + caseId + "'"));
            connection.createStatement().execute("set session_replication_role = replica");
            assertEquals(1, tamper.executeUpdate());
        }
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}/audit", caseId)
                .then()
                .statusCode(200)
                .body("verified", equalTo(false))
                .body("entries[0].intact", equalTo(false))
                .body("entries[1].intact", equalTo(true));
    }

    /**
     * A death of the problem after its case closed: a new case opens, linked to the closed one, in the queue,
     * with the death's clock running; the closed case keeps its one incident.
     */
    @Test
    void aDeathAfterClosureOpensANewLinkedCaseWithItsClock() throws Exception {
        String problemId = UUID.randomUUID().toString();
        publish(triaged(problemId));
        String caseId = FscaCases.caseIdFor(problemId);
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1)));
        step("ra", "decision", caseId, NO_FSCA).statusCode(200);
        step("ra", "incidents/report-" + problemId + "/reportability", caseId, notReportable("EU_MDR"))
                .statusCode(200);
        step("ra", "incidents/report-" + problemId + "/reportability", caseId, notReportable("US_FDA"))
                .statusCode(200);
        step("ra", "closure", caseId, CLOSURE).statusCode(200);

        Instant aware = Instant.now().minusSeconds(600);
        ReportTriaged death = TriageEvents.seriousIncident("death-" + problemId, problemId, aware, Duration.ofDays(10));
        publish(death);
        publish(death); // redelivery: still one new case with one incident

        String nextCaseId = FscaCases.caseIdFor(problemId, 1);
        await().atMost(PATIENCE).untilAsserted(() -> asRa().queryParam("problemId", problemId)
                .get("/api/v1/fsca-cases")
                .then()
                .statusCode(200)
                .body("caseId", equalTo(List.of(nextCaseId, caseId)))
                .body("[0].previousCaseId", equalTo(caseId))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].overdue", equalTo(false))
                .body("[0].timeLeft", startsWith("P"))
                .body("[0].incidents.reportId", equalTo(List.of("death-" + problemId)))
                .body("[0].incidents[0].clocks[0].state", equalTo("OPEN"))
                .body("[1].status", equalTo("CLOSED"))
                .body("[1].incidents", hasSize(1)));
    }

    /**
     * A decided case that receives a new incident shows it with its clock and asks for its decision to be
     * reviewed; regulatory affairs confirms it with a new signature.
     */
    @Test
    void aNewIncidentOfADecidedCaseAsksForTheDecisionToBeReviewed() throws Exception {
        String problemId = UUID.randomUUID().toString();
        publish(triaged(problemId));
        String caseId = FscaCases.caseIdFor(problemId);
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1)));
        step("ra", "decision", caseId, NO_FSCA).statusCode(200);
        publish(TriageEvents.seriousIncident(
                "second-" + problemId, problemId, Instant.now().minusSeconds(60), Duration.ofDays(15)));
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("incidents", hasSize(2))
                .body("decisionReviewRequired", equalTo(true)));
        step("ra", "closure", caseId, CLOSURE).statusCode(409).body("detail", containsString("confirm or revise"));
        step("ra", "decision", caseId, NO_FSCA).statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("decisionReviewRequired", equalTo(false))
                .body("decision.review", equalTo(true)));
    }

    private static final String NOTICE =
            """
            {"recipients":["clinic-a","clinic-b"],"contact":"vigilance@example.org",
             "signature":{"password":"ra-local","meaning":"AUTHORSHIP"}}""";
    private static final String NO_FSCA =
            """
            {"decision":"NO_FSCA","rationale":"Benign","signature":{"password":"ra-local","meaning":"APPROVAL"}}""";

    private static String assessment(String user) {
        return """
                {"assessment":"Overdose possible","urgent":false,"remedialActionNeeded":false,
                 "signature":{"password":"%s-local","meaning":"REVIEW"}}"""
                .formatted(user);
    }

    private static String notReportable(String regime) {
        return """
                {"regime":"%s","decision":"NOT_REPORTABLE","rationale":"No link to the device",
                 "signature":{"password":"ra-local","meaning":"APPROVAL"}}"""
                .formatted(regime);
    }

    private static String notification(String country, Instant notifiedAt) {
        return """
                {"country":"%s","competentAuthority":"CA of %s","reference":"R-%s","draftNoticeSent":true%s}"""
                .formatted(
                        country, country, country, notifiedAt == null ? "" : ",\"notifiedAt\":\"" + notifiedAt + "\"");
    }

    private static final String CLOSURE =
            "{\"rationale\":\"Update installed\",\"signature\":{\"password\":\"ra-local\",\"meaning\":\"APPROVAL\"}}";

    private static RequestSpecification asRa() {
        return given().auth().preemptive().basic("ra", "ra-local");
    }

    private static ValidatableResponse step(String user, String step, String caseId, String body) {
        return given().auth()
                .preemptive()
                .basic(user, user + "-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/fsca-cases/{id}/" + step, caseId)
                .then();
    }

    @Test
    void aSignatureWithTheWrongPasswordIsRejected() {
        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .contentType(ContentType.JSON)
                .body(decision("not-my-password"))
                .post("/api/v1/fsca-cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("11.200"));
    }

    @Test
    void onlyRegulatoryAffairsDecides() {
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(decision("qa-local"))
                .post("/api/v1/fsca-cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(decision("ra-local"))
                .post("/api/v1/fsca-cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/fsca-cases").then().statusCode(401);
    }

    @Test
    void anInvalidDecisionNamesTheFailingFields() {
        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"FSCA_REQUIRED\"}")
                .post("/api/v1/fsca-cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("rationale", "signature"));
    }

    @Test
    void anUnreadableResultGoesToTheDeadLetterTopicAnotherTypeIsSkippedAndTheNextIncidentStillOpensItsCase()
            throws Exception {
        String run = UUID.randomUUID().toString();
        String problemId = UUID.randomUUID().toString();
        ReportTriaged incident = triaged(problemId);
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.TRIAGE))) {
            // one key, hence one partition, in this order: the incident is read after both
            TestKafka.publishCloudEvent(
                    bootstrapServers,
                    Topics.TRIAGE,
                    incident.productId(),
                    "skipped-" + run,
                    "org.example.SomethingNew.v1",
                    "not for fsca, not even JSON");
            TestKafka.publishCloudEvent(
                    bootstrapServers,
                    Topics.TRIAGE,
                    incident.productId(),
                    "garbled-" + run,
                    ReportTriaged.TYPE,
                    "{not");
            publish(incident);

            await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                    .preemptive()
                    .basic("auditor", "auditor-local")
                    .get("/api/v1/fsca-cases/{id}", FscaCases.caseIdFor(problemId))
                    .then()
                    .statusCode(200));
            Map<String, String> reasons = new LinkedHashMap<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(deadLetters).stream()
                        .filter(r ->
                                String.valueOf(TestKafka.header(r, "ce_id")).endsWith(run))
                        .forEach(r ->
                                reasons.put(TestKafka.header(r, "ce_id"), TestKafka.header(r, "dead-letter-reason")));
                return reasons.containsKey("garbled-" + run);
            });
            assertEquals(List.of("garbled-" + run), List.copyOf(reasons.keySet()));
            assertTrue(
                    reasons.get("garbled-" + run).startsWith("not a " + ReportTriaged.TYPE + " JSON document"),
                    reasons.toString());
        }
    }

    /**
     * The consumer reads a record's CloudEvent headers itself and never its {@code ce_time}: a malformed one
     * holds nothing up.
     */
    @Test
    void aResultWithAMalformedEventTimeStillOpensItsCase() throws Exception {
        String problemId = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = TriageEvents.record(json, triaged(problemId));
        record.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        TestKafka.publishInOneBatch(bootstrapServers, List.of(record));
        await().atMost(PATIENCE)
                .untilAsserted(() -> asRa().get("/api/v1/fsca-cases/{id}", FscaCases.caseIdFor(problemId))
                        .then()
                        .statusCode(200));
    }

    private static String decision(String password) {
        return """
                {"decision":"FSCA_REQUIRED","rationale":"Dose calculation overflow can over-infuse",
                 "action":"SOFTWARE_UPDATE","signature":{"password":"%s","meaning":"APPROVAL"}}"""
                .formatted(password);
    }

    private void publish(ReportTriaged triaged) throws Exception {
        TriageEvents.publish(bootstrapServers, json, triaged);
    }

    private static ReportTriaged triaged(String problemId) {
        return TriageEvents.seriousIncident(problemId, Instant.now().minusSeconds(3600), Duration.ofDays(15));
    }

    private static String randomHex(int digits) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, digits);
    }
}
