package org.fieldsafety.changecontrol.change;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * From an FSCA decision on the real broker to a change request in the read model and its milestone on
 * the real broker. Decisions about one product share a key, hence a partition and their order: once a
 * later decision's change request shows, every earlier decision has been processed.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
@Tag("flow")
class ChangeRequestFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void anFscaRequiredDecisionRaisesOneChangeRequestHoweverOftenItIsDelivered() throws Exception {
        String productId = "PUMP-" + UUID.randomUUID();
        FscaDecisionTaken decision = decision(productId, FscaDecisionTaken.FSCA_REQUIRED);
        FscaDecisionTaken later = decision(productId, FscaDecisionTaken.FSCA_REQUIRED);

        try (KafkaConsumer<String, String> milestones =
                TestKafka.consumerFromStart(bootstrapServers, Topics.CHANGE_CONTROL)) {
            publish(decision);
            publish(decision); // redelivery
            publish(later);
            awaitChangeRequestFor(later.caseId());

            String id = ChangeRequests.idForFscaCase(decision.caseId());
            given().auth()
                    .preemptive()
                    .basic("eng", "eng-local")
                    .queryParam("fscaCaseId", decision.caseId())
                    .get("/api/v1/change-requests")
                    .then()
                    .statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(id))
                    .body("[0].title", equalTo("FSCA " + decision.caseId() + ": SOFTWARE_UPDATE"))
                    .body("[0].reason", equalTo("Dose calculation overflow can over-infuse"))
                    .body("[0].productId", equalTo(productId))
                    .body("[0].softwareItems", equalTo(List.of("dose-calculator")))
                    .body("[0].problemId", equalTo(decision.problemId()))
                    .body("[0].status", equalTo("RAISED"))
                    .body("[0].requestedBy", equalTo("ra"))
                    .body("[0].version", equalTo(0));

            // the publisher follows the event store's order: the later one's milestone comes last
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            String laterId = ChangeRequests.idForFscaCase(later.caseId());
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> productId.equals(r.key()))
                        .forEach(received::add);
                return received.stream().anyMatch(r -> changeRequestId(r).equals(laterId));
            });
            List<ConsumerRecord<String, String>> forDecision =
                    received.stream().filter(r -> changeRequestId(r).equals(id)).toList();
            assertEquals(1, forDecision.size());
            assertEquals("org.fieldsafety.ChangeRequestRaised.v1", TestKafka.header(forDecision.get(0), "ce_type"));
            assertEquals(
                    decision.caseId(),
                    json.readTree(forDecision.get(0).value()).get("fscaCaseId").asText());
        }

        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/change-requests/{id}", ChangeRequests.idForFscaCase(decision.caseId()))
                .then()
                .statusCode(200)
                .body("fscaCaseId", equalTo(decision.caseId()));
    }

    @Test
    void aNoFscaDecisionRaisesNothing() throws Exception {
        String productId = "PUMP-" + UUID.randomUUID();
        FscaDecisionTaken noFsca = decision(productId, "NO_FSCA");
        FscaDecisionTaken later = decision(productId, FscaDecisionTaken.FSCA_REQUIRED);
        publish(noFsca);
        publish(later);
        awaitChangeRequestFor(later.caseId());

        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .queryParam("fscaCaseId", noFsca.caseId())
                .get("/api/v1/change-requests")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void anUnreadableDecisionGoesToTheDeadLetterTopicWithTheReasonAndTheNextStillCounts() throws Exception {
        String productId = "PUMP-" + UUID.randomUUID();
        FscaDecisionTaken after = decision(productId, FscaDecisionTaken.FSCA_REQUIRED);
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.FSCA))) {
            TestKafka.publishCloudEvent(
                    bootstrapServers, Topics.FSCA, productId, "garbled-" + productId, FscaDecisionTaken.TYPE, "{not");
            publish(after); // the same key, hence read after the garbled one
            awaitChangeRequestFor(after.caseId());

            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(deadLetters).stream()
                        .filter(r -> productId.equals(r.key()))
                        .forEach(dead::add);
                return !dead.isEmpty();
            });
            assertEquals("{not", dead.get(0).value());
            assertTrue(
                    TestKafka.header(dead.get(0), "dead-letter-reason")
                            .startsWith("not a " + FscaDecisionTaken.TYPE + " JSON document"),
                    TestKafka.header(dead.get(0), "dead-letter-reason"));
        }
    }

    /**
     * PostgreSQL restarting while decisions arrive: those read while it is down wait, none reaches the dead
     * letters, and once it is back each decision has raised its one change request.
     */
    @Test
    void decisionsArrivingWhilePostgresRestartsEachRaiseOneChangeRequestAndNoneIsDeadLettered() throws Exception {
        String productId = "PUMP-" + UUID.randomUUID();
        List<FscaDecisionTaken> decisions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            decisions.add(decision(productId, FscaDecisionTaken.FSCA_REQUIRED));
        }
        PostgresServer postgres = InfraTestResource.TestServers.get().postgres();
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.FSCA))) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            postgres.restart(() -> {
                decisions.subList(0, 5).forEach(this::publishQuietly);
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> deadLettersOf(deadLetters, productId, dead).isEmpty());
            });
            decisions.subList(5, 10).forEach(this::publishQuietly);

            decisions.forEach(decision -> awaitChangeRequestFor(decision.caseId()));
            assertEquals(List.of(), deadLettersOf(deadLetters, productId, dead));
        }
    }

    @Test
    void engineeringRaisesAChangeRequestByHand() {
        String location = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow in dose calculation","productId":"PUMP",
                         "softwareItems":["dose-calculator"],"problemReportId":"pr-1"}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("requestedBy", equalTo("eng"))
                .body("status", equalTo("RAISED"))
                .extract()
                .header("Location");

        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .get(location)
                .then()
                .statusCode(200)
                .body("problemReportId", equalTo("pr-1"))
                .body("softwareItems", equalTo(List.of("dose-calculator"))));
    }

    @Test
    void theTraceabilityExportShowsAFormulaAsText() {
        String id = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"=HYPERLINK(\\"http://evil.example\\",\\"Open\\")","reason":"@SUM(A1)",
                         "productId":"-PUMP","softwareItems":["dose-calculator"]}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("format", "csv")
                .get("/api/v1/traceability")
                .then()
                .statusCode(200)
                .body(containsString(
                        id + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\",RAISED,'-PUMP,")));
    }

    @Test
    void aChangeIsAnalysedApprovedBySomeoneElseAndOnlyThenImplemented() {
        String id = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow","productId":"PUMP","softwareItems":["dose-calculator"]}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String implementation = """
                {"softwareVersion":"4.2.2","commits":["3f2c1a9"]}""";

        step("eng", id, "implementation", implementation)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("IEC 62304 8.2.1"));
        step(
                        "eng",
                        id,
                        "impact-analysis",
                        """
                        {"summary":"Clamp the bolus","affectedItems":["dose-calculator"],"testsToRepeat":["bolus limits"]}""")
                .statusCode(200)
                .body("status", equalTo("IMPACT_ANALYSED"));
        step("eng", id, "approval", approval()).statusCode(403);
        // approved as the board saw it when raised, before the analysis: refused, nothing applied
        step("qa", id, "approval", approval(), "\"0\"")
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", containsString("stale-version"))
                .body("detail", containsString("is at version 1, not 0"));
        step("qa", id, "approval", approval(), "a version").statusCode(400);
        step("qa", id, "approval", approval(), "\"1\"")
                .statusCode(200)
                .body("signature.signer", equalTo("qa"))
                .body("signature.meaning", equalTo("APPROVAL"));
        step("eng", id, "implementation", implementation).statusCode(200).body("status", equalTo("IMPLEMENTED"));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/change-requests/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("version", equalTo(3))
                .body("impactAnalysis.testsToRepeat", equalTo(List.of("bolus limits")))
                .body("approval.signature.signer", equalTo("qa"))
                .body("approval.signedVersion", equalTo(1))
                .body("implementation.softwareVersion", equalTo("4.2.2")));

        step("qa", UUID.randomUUID().toString(), "approval", approval()).statusCode(404);
    }

    @Test
    void aReclassifyingChangeIsAnalysedAgainThenVerifiedReleasedCommunicatedClosedAndTraced() {
        String problemReportId = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"productId":"PUMP","softwareItem":"dose-calculator","description":"Overflow",
                         "criticality":{"level":"HIGH","statement":"Over-infusion"}}""")
                .post("/api/v1/problem-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow","productId":"PUMP","softwareItems":["dose-calculator"],
                         "problemReportId":"%s"}"""
                                .formatted(problemReportId))
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        step(
                        "eng",
                        id,
                        "impact-analysis",
                        """
                        {"summary":"Clamp","affectedItems":["dose-calculator"],"safetyClasses":{"dose-calculator":"B"}}""")
                .statusCode(200);
        step("qa", id, "approval", approval()).statusCode(200);
        step(
                        "eng",
                        id,
                        "implementation",
                        """
                        {"softwareVersion":"4.2.2","commits":["3f2c1a9"],
                         "reclassifications":[{"item":"dose-calculator","from":"B","to":"C"}]}""")
                .statusCode(200)
                .body("status", equalTo("IMPACT_ANALYSIS_REQUIRED"));
        step("qa", id, "verification", verification(false))
                .statusCode(409)
                .body("detail", containsString("IEC 62304 8.2.3"));
        step(
                        "eng",
                        id,
                        "impact-analysis",
                        """
                        {"summary":"Clamp, now class C","affectedItems":["dose-calculator"],
                         "safetyClasses":{"dose-calculator":"C"}}""")
                .statusCode(200);
        step("qa", id, "approval", approval()).statusCode(200);
        step("eng", id, "implementation", """
                {"softwareVersion":"4.2.2","commits":["3f2c1a9"]}""")
                .statusCode(200)
                .body("status", equalTo("IMPLEMENTED"));
        String release = """
                {"version":"4.2.2","residualAnomalies":["UI lag on slow networks"]}""";
        step("qa", id, "release", release)
                .statusCode(409)
                .body("detail", containsString("IEC 62304 8.2.3 / 6.3: no release without verification records"));
        step("qa", id, "verification", verification(false)).statusCode(409).body("detail", containsString("class C"));
        step("eng", id, "verification", verification(true)).statusCode(403);
        step("qa", id, "verification", verification(true)).statusCode(200).body("status", equalTo("VERIFIED"));
        step("qa", id, "closure", """
                {"summary":"done"}""")
                .statusCode(409)
                .body("detail", containsString("IEC 62304 6.3 / 6.2.5"));
        step("qa", id, "release", release).statusCode(200).body("status", equalTo("RELEASED"));
        step(
                        "ra",
                        id,
                        "communication",
                        """
                        {"problem":"Bolus overflow","riskOfContinuedUse":"Over-infusion above 999 units",
                         "availableChange":"Firmware 4.2.2","installation":"Over the air",
                         "recipients":[{"kind":"USERS","name":"All hospitals"},{"kind":"REGULATOR","name":"BfArM"}],
                         "sentAt":"%s"}"""
                                .formatted(Instant.now()))
                .statusCode(200)
                .body("status", equalTo("COMMUNICATED"));
        step("qa", id, "closure", """
                {"summary":"Released and communicated"}""")
                .statusCode(200)
                .body("status", equalTo("CLOSED"));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/change-requests/{id}/trace", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("problemReports.id", equalTo(List.of(problemReportId)))
                .body("approval.signature.signer", equalTo("qa"))
                .body("approval.signedVersion", equalTo(5))
                .body("reclassifications[0].to", equalTo("C"))
                .body("verification.records[0].tester", equalTo("tess"))
                .body("release.version", equalTo("4.2.2"))
                .body("communication.recipients.kind", equalTo(List.of("USERS", "REGULATOR")))
                .body("closure.closedBy", equalTo("qa")));

        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("format", "csv")
                .get("/api/v1/traceability")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .body(containsString(id + ",Clamp bolus,CLOSED,PUMP," + problemReportId + ",,,qa,"));
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("format", "xml")
                .get("/api/v1/traceability")
                .then()
                .statusCode(400);

        try (KafkaConsumer<String, String> milestones =
                TestKafka.consumerFromStart(bootstrapServers, Topics.CHANGE_CONTROL)) {
            List<String> types = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> r.value().contains(id) || r.value().contains(problemReportId))
                        .forEach(r -> {
                            assertEquals("PUMP", r.key());
                            types.add(TestKafka.header(r, "ce_type"));
                        });
                return types.contains("org.fieldsafety.ChangeRequestClosed.v1");
            });
            assertEquals(
                    List.of(
                            "org.fieldsafety.ProblemReportOpened.v1",
                            "org.fieldsafety.ChangeRequestRaised.v1",
                            "org.fieldsafety.ImpactAnalysed.v1",
                            "org.fieldsafety.ChangeApproved.v1",
                            "org.fieldsafety.ChangeImplemented.v1",
                            "org.fieldsafety.ImpactAnalysisReopened.v1",
                            "org.fieldsafety.ImpactAnalysed.v1",
                            "org.fieldsafety.ChangeApproved.v1",
                            "org.fieldsafety.ChangeImplemented.v1",
                            "org.fieldsafety.ChangeVerified.v1",
                            "org.fieldsafety.ChangeReleased.v1",
                            "org.fieldsafety.ChangeCommunicated.v1",
                            "org.fieldsafety.ChangeRequestClosed.v1"),
                    types);
        }
    }

    @Test
    void onlyEngineeringRaisesByHand() {
        String body = """
                {"title":"t","reason":"r","productId":"PUMP","softwareItems":["ui"]}""";
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/change-requests")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/change-requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/change-requests").then().statusCode(401);
    }

    @Test
    void anInvalidChangeRequestNamesTheFailingFields() {
        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"softwareItems\":[]}")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("reason", "productId", "softwareItems"));
    }

    @Test
    void anUnknownChangeRequestIsNotFound() {
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/change-requests/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse step(String user, String id, String step, String body) {
        return step(user, id, step, body, null);
    }

    /** A step on the request at the version {@code ifMatch} names (null: any version). */
    private static ValidatableResponse step(String user, String id, String step, String body, String ifMatch) {
        RequestSpecification request = given().auth()
                .preemptive()
                .basic(user, user + "-local")
                .contentType(ContentType.JSON)
                .body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/change-requests/{id}/" + step, id).then();
    }

    private static String verification(boolean regressionTestsRepeated) {
        return """
                {"regressionTestsRepeated":%s,"records":[{"softwareItem":"dose-calculator","results":"42/42 passed",
                 "anomalies":[],"softwareVersion":"4.2.2","configuration":"pump rev C","tools":["bolus-suite 3.1"],
                 "date":"2026-11-21","tester":"tess"}]}"""
                .formatted(regressionTestsRepeated);
    }

    private static String approval() {
        return """
                {"signature":{"password":"qa-local","meaning":"APPROVAL"}}""";
    }

    private void awaitChangeRequestFor(String caseId) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .queryParam("fscaCaseId", caseId)
                .get("/api/v1/change-requests")
                .then()
                .statusCode(200)
                .body("", hasSize(1)));
    }

    private String changeRequestId(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).get("changeRequestId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishQuietly(FscaDecisionTaken decision) {
        try {
            publish(decision);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dead letters of the product seen so far, {@code seen} included. */
    private static List<ConsumerRecord<String, String>> deadLettersOf(
            KafkaConsumer<String, String> deadLetters, String productId, List<ConsumerRecord<String, String>> seen) {
        TestKafka.poll(deadLetters).stream()
                .filter(r -> productId.equals(r.key()))
                .forEach(seen::add);
        return seen;
    }

    private void publish(FscaDecisionTaken decision) throws Exception {
        TestKafka.publishCloudEvent(
                bootstrapServers,
                Topics.FSCA,
                decision.productId(),
                "decision-" + decision.caseId(),
                FscaDecisionTaken.TYPE,
                json.writeValueAsString(decision));
    }

    private static FscaDecisionTaken decision(String productId, String decision) {
        String caseId = UUID.randomUUID().toString();
        return new FscaDecisionTaken(
                caseId,
                "problem-" + caseId,
                productId,
                List.of("dose-calculator"),
                decision,
                FscaDecisionTaken.FSCA_REQUIRED.equals(decision) ? "SOFTWARE_UPDATE" : null,
                "Dose calculation overflow can over-infuse",
                "ra",
                Instant.now(),
                false);
    }
}
