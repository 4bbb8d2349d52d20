package org.fieldsafety.fsca.vigilance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A death in Germany and one in the US on a US-marketed product, from triage's events on the real broker to
 * drafts for the EU and the FDA, their files and forms, their submission (the case's clocks met, the
 * milestones on the real broker, the files in the gateway's outbox) and the authorities' answers, then the
 * EU final report once the investigation concluded; and the reports a case's trend and FSCA ask for.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class VigilanceReportFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String COMPLETION =
            """
            {"narrative":"The dose calculator computed a bolus ten times the requested amount; the patient died.",
             "deviceProblems":["A110202"],"clinicalSigns":["E0119"],"healthImpacts":["F02","F1005"],
             "investigation":{"investigationTypes":["B01"],"conclusions":["D16"],"deviceEvaluated":false}}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fieldsafety.vigilance.gateway.directory")
    Path gateway;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail trail;

    @Test
    void deathsInGermanyAndTheUsAreReportedToBothAuthoritiesAndTheirClocksMet() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        Instant aware = Instant.now().minusSeconds(3600);
        String inGermany = "report-de-" + problemId;
        String inUs = "report-us-" + problemId;
        TestKafka.publishInOneBatch(
                bootstrapServers,
                List.of(
                        TriageEvents.record(
                                json,
                                TriageEvents.death(
                                        inGermany,
                                        problemId,
                                        "DE",
                                        aware,
                                        List.of(
                                                new ReportTriaged.Reportability(
                                                        "EU_MDR", "Art. 87(5)", aware.plus(Duration.ofDays(10))),
                                                new ReportTriaged.Reportability(
                                                        "US_FDA", "21 CFR 803.50", aware.plus(Duration.ofDays(30)))))),
                        TriageEvents.record(
                                json,
                                TriageEvents.death(
                                        inUs,
                                        problemId,
                                        "US",
                                        aware,
                                        List.of(new ReportTriaged.Reportability(
                                                "US_FDA", "21 CFR 803.50", aware.plus(Duration.ofDays(30))))))));

        // the machine drafts one report per duty, which quality assurance reads too
        await().atMost(PATIENCE).untilAsserted(() -> as("qa").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("status", hasItems("DRAFT", "DRAFT", "DRAFT"))
                .body("regime", hasItems("EU_MDR", "US_FDA"))
                .body("kind", hasItems("INITIAL")));
        JsonPath reports = as("auditor")
                .queryParam("caseId", caseId)
                .queryParam("status", "DRAFT")
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String mir = reportId(reports, inGermany, "EU_MDR");
        String emdr = reportId(reports, inUs, "US_FDA");
        assertEquals("Art. 87(5)", reports.getString("find { it.id == '" + mir + "' }.basis"));

        // the draft takes the hazard catalogue's codes from triage, with their release, and the case's facts
        // from the case's read model, which another processor writes and may not hold the case yet
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", mir)
                .then()
                .statusCode(200)
                .body("document.incident.deviceProblems.code", contains("A110202"))
                .body("document.incident.healthImpacts.release", contains("2022")));
        // the draft lacks what the MIR's schema requires until regulatory affairs completes it
        as("ra").accept("application/xml")
                .get("/api/v1/vigilance-reports/{id}", mir)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("ra").contentType(ContentType.JSON)
                .body(COMPLETION.replace("A110202", "A999999"))
                .put("/api/v1/vigilance-reports/{id}/draft", mir)
                .then()
                .statusCode(400)
                .body("detail", containsString("A999999"));
        as("qa").contentType(ContentType.JSON)
                .body(COMPLETION)
                .put("/api/v1/vigilance-reports/{id}/draft", mir)
                .then()
                .statusCode(403);
        for (String id : List.of(mir, emdr)) {
            as("ra").contentType(ContentType.JSON)
                    .body(COMPLETION)
                    .put("/api/v1/vigilance-reports/{id}/draft", id)
                    .then()
                    .statusCode(204);
            await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                    .get("/api/v1/vigilance-reports/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("content.healthImpacts.code", hasItems("F02", "F1005"))
                    .body("document.incident.patientOutcome", equalTo("DEATH")));
        }

        // the EU MIR and the FDA eMDR as files and forms
        String mirXml = as("ra").accept("application/xml")
                .get("/api/v1/vigilance-reports/{id}", mir)
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .extract()
                .asString();
        assertTrue(mirXml.contains("A110202"), mirXml);
        String emdrXml = as("ra").accept("application/xml")
                .get("/api/v1/vigilance-reports/{id}", emdr)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(emdrXml.contains("urn:hl7-org:v3"), emdrXml);
        for (String id : List.of(mir, emdr)) {
            byte[] pdf = as("auditor")
                    .accept("application/pdf")
                    .get("/api/v1/vigilance-reports/{id}", id)
                    .then()
                    .statusCode(200)
                    .contentType("application/pdf")
                    .extract()
                    .asByteArray();
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        }

        try (KafkaConsumer<String, String> milestones = TestKafka.consumerFromStart(bootstrapServers, Topics.FSCA)) {
            // submitted, approved by regulatory affairs only; the case's clocks met
            as("qa").contentType(ContentType.JSON)
                    .body(submission("MIR-1", "qa-local"))
                    .post("/api/v1/vigilance-reports/{id}/submission", mir)
                    .then()
                    .statusCode(403);
            String sha256 = as("ra").contentType(ContentType.JSON)
                    .body(submission("MIR-1", "ra-local"))
                    .post("/api/v1/vigilance-reports/{id}/submission", mir)
                    .then()
                    .statusCode(200)
                    .body("late", equalTo(false))
                    .body("signature.meaning", equalTo("APPROVAL"))
                    .extract()
                    .path("sha256");
            as("ra").contentType(ContentType.JSON)
                    .body(submission("MIR-2", "ra-local"))
                    .post("/api/v1/vigilance-reports/{id}/submission", mir)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("follow-up report"));
            as("ra").contentType(ContentType.JSON)
                    .body(submission("EMDR-1", "ra-local"))
                    .post("/api/v1/vigilance-reports/{id}/submission", emdr)
                    .then()
                    .statusCode(200);

            await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                    .then()
                    .statusCode(200)
                    .body(
                            "incidents.find { it.reportId == '" + inGermany
                                    + "' }.clocks.find { it.regime == 'EU_MDR' }.state",
                            equalTo("SUBMITTED"))
                    .body(
                            "incidents.find { it.reportId == '" + inGermany
                                    + "' }.clocks.find { it.regime == 'EU_MDR' }.met",
                            equalTo(true))
                    .body(
                            "incidents.find { it.reportId == '" + inUs
                                    + "' }.clocks.find { it.regime == 'US_FDA' }.state",
                            equalTo("SUBMITTED")));

            // the frozen file is the one hashed, and it went to the gateway's outbox
            String frozen = as("ra").accept("application/xml")
                    .get("/api/v1/vigilance-reports/{id}", mir)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(
                    sha256, VigilanceReportService.sha256(frozen.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Path outbox = gateway.resolve("outbox");
            await().atMost(PATIENCE).until(() -> Files.isDirectory(outbox) && listed(outbox, mir + "-INITIAL-"));

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .filter(r -> org.fieldsafety.contracts.VigilanceReportSubmitted.TYPE.equals(
                                TestKafka.header(r, "ce_type")))
                        .forEach(received::add);
                return received.size() == 2;
            });
            JsonNode submitted = received.stream()
                    .map(r -> read(r.value()))
                    .filter(m -> m.get("reportId").asText().equals(mir))
                    .findFirst()
                    .orElseThrow();
            assertEquals(sha256, submitted.get("sha256").asText());
            assertEquals("ra", submitted.get("submittedBy").asText());
            assertEquals(false, submitted.get("late").asBoolean());

            // the EU authority accepts; the FDA's gateway rejects, by a file in the inbox: the clock runs again
            as("ra").contentType(ContentType.JSON)
                    .body("{\"accepted\":true,\"authorityReference\":\"BfArM-2026-1\"}")
                    .post("/api/v1/vigilance-reports/{id}/acknowledgement", mir)
                    .then()
                    .statusCode(204);
            Path inbox = Files.createDirectories(gateway.resolve("inbox"));
            Files.writeString(
                    inbox.resolve(emdr + ".json"),
                    json.writeValueAsString(Map.of("reportId", emdr, "accepted", false, "reason", "ACK3: bad UDI")));
            await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                    .then()
                    .body(
                            "incidents.find { it.reportId == '" + inUs
                                    + "' }.clocks.find { it.regime == 'US_FDA' }.state",
                            equalTo("OPEN")));
            await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                    .get("/api/v1/vigilance-reports/{id}", emdr)
                    .then()
                    .body("status", equalTo("DRAFT"))
                    .body("answer.reason", equalTo("ACK3: bad UDI")));
            assertTrue(Files.exists(inbox.resolve("processed").resolve(emdr + ".json")));
            as("ra").accept(ContentType.JSON)
                    .get("/api/v1/vigilance-reports/{id}", mir)
                    .then()
                    .body("status", equalTo("ACKNOWLEDGED"));
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .filter(r -> org.fieldsafety.contracts.VigilanceReportAcknowledged.TYPE.equals(
                                TestKafka.header(r, "ce_type")))
                        .forEach(received::add);
                return received.size() == 4;
            });
        }
        assertTrue(trail.audit(VigilanceReport.class, mir).verified());
        as("auditor")
                .get("/api/v1/vigilance-reports/{id}/audit", mir)
                .then()
                .statusCode(200)
                .body("id", equalTo(mir))
                .body("verified", equalTo(true))
                .body("entries.type", hasItems("DraftGenerated", "VigilanceReportSubmitted"));
        as("eng").get("/api/v1/vigilance-reports/{id}/audit", mir).then().statusCode(403);

        // the investigation concludes without an FSCA: the German incident's final report falls due, and the
        // case closes only after it; it needs the investigation's conclusion (MDR Art. 89(5))
        as("ra").contentType(ContentType.JSON)
                .body(
                        """
                        {"decision":"NO_FSCA","rationale":"Isolated misuse","signature":{"password":"ra-local","meaning":"APPROVAL"}}""")
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").queryParam("caseId", caseId)
                .queryParam("status", "DRAFT")
                .get("/api/v1/vigilance-reports")
                .then()
                .body("kind", hasItems("FINAL")));
        String finalReport = as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .extract()
                .jsonPath()
                .getString("find { it.kind == 'FINAL' }.id");
        // the case's view is another processor's than the reports': it may see the decision later
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .body(
                        "incidents.find { it.reportId == '" + inGermany
                                + "' }.clocks.find { it.regime == 'EU_MDR' }.basis",
                        equalTo("MDR Art. 89(5)")));
        as("ra").contentType(ContentType.JSON)
                .body(submission("MIR-FINAL", "ra-local"))
                .post("/api/v1/vigilance-reports/{id}/submission", finalReport)
                .then()
                .statusCode(409)
                .body("detail", containsString("investigation's conclusion"));
        as("ra").contentType(ContentType.JSON)
                .body(COMPLETION.replace("\"D16\"", "\"D0101\""))
                .put("/api/v1/vigilance-reports/{id}/draft", finalReport)
                .then()
                .statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", finalReport)
                .then()
                .body("document.investigation.conclusions.code", hasItems("D0101"))
                .body("document.administrative.previousReference", equalTo("MIR-1")));
        as("ra").contentType(ContentType.JSON)
                .body(submission("MIR-FINAL", "ra-local"))
                .post("/api/v1/vigilance-reports/{id}/submission", finalReport)
                .then()
                .statusCode(200);
        as("ra").contentType(ContentType.JSON)
                .body("{\"accepted\":true,\"authorityReference\":\"BfArM-2026-1-F\"}")
                .post("/api/v1/vigilance-reports/{id}/acknowledgement", finalReport)
                .then()
                .statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .body(
                        "incidents.find { it.reportId == '" + inGermany
                                + "' }.clocks.find { it.regime == 'EU_MDR' }.state",
                        equalTo("SUBMITTED")));
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", finalReport)
                .then()
                .body("status", equalTo("ACKNOWLEDGED")));
    }

    /**
     * A trend episode and an FSCA decision on the case draft their reports, which have no clock: the EU trend
     * report, and one EU FSCA report for the Member States concerned; each is submitted and acknowledged, a
     * rejected one drafted again and resubmitted, and the incident's own clock is left as it was.
     */
    @Test
    void aTrendAndAnFscaAreDraftedFromTheCaseSubmittedAndAcknowledged() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        String signalId = "trend-signal-" + problemId + "-1";
        TestKafka.publishInOneBatch(
                bootstrapServers, List.of(TriageEvents.record(json, TriageEvents.trendSignal(problemId))));
        await().atMost(PATIENCE).untilAsserted(() -> as("qa").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("TREND"))
                .body("[0].regime", equalTo("EU_MDR"))
                .body("[0].basis", equalTo("MDR Art. 88"))
                .body("[0].incidentReportId", equalTo(signalId))
                .body("[0].status", equalTo("DRAFT")));

        Instant aware = Instant.now().minusSeconds(3600);
        String inGermany = "report-de-" + problemId;
        TestKafka.publishInOneBatch(
                bootstrapServers,
                List.of(TriageEvents.record(
                        json,
                        TriageEvents.death(
                                inGermany,
                                problemId,
                                "DE",
                                aware,
                                List.of(new ReportTriaged.Reportability(
                                        "EU_MDR", "Art. 87(5)", aware.plus(Duration.ofDays(10))))))));
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1)));
        as("ra").contentType(ContentType.JSON)
                .body(
                        """
                        {"decision":"FSCA_REQUIRED","rationale":"Dose calculation overflow can over-infuse",
                         "action":"SOFTWARE_UPDATE","signature":{"password":"ra-local","meaning":"APPROVAL"}}""")
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(200);

        // one EU FSCA report for DE and FR, the product's EU markets; the US's is the 806 report
        await().atMost(PATIENCE).untilAsserted(() -> as("qa").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .body("kind", hasItems("TREND", "INITIAL", "FSCA"))
                .body("", hasSize(3)));
        JsonPath reports = as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .extract()
                .jsonPath();
        String fsca = reports.getString("find { it.kind == 'FSCA' }.id");
        String trend = reports.getString("find { it.kind == 'TREND' }.id");
        assertEquals("EU_MDR", reports.getString("find { it.kind == 'FSCA' }.regime"));
        assertEquals(null, reports.getString("find { it.kind == 'FSCA' }.incidentReportId"));

        // the decision's facts come from the case's read model, which may not hold the decision yet
        String fscaXml = await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(
                        () -> as("ra").accept("application/xml")
                                .get("/api/v1/vigilance-reports/{id}", fsca)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        xml -> xml.contains("Dose calculation overflow can over-infuse"));
        assertTrue(fscaXml.contains("<country>FR</country>"), fscaXml);
        // the person responsible for the action (the FSCA report's 3.7, 21 CFR 806.10(c)(2)): who signed the decision
        assertTrue(fscaXml.contains("<responsiblePerson>Rosa Alvarez</responsiblePerson>"), fscaXml);
        String trendXml = as("ra").accept("application/xml")
                .get("/api/v1/vigilance-reports/{id}", trend)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(trendXml.contains("<observed>8</observed>"), trendXml);

        // due when the FSCA was decided, in advance of its being undertaken (MDR Art. 87(8)): late by now
        as("ra").contentType(ContentType.JSON)
                .body(submission("FSCA-1", "ra-local"))
                .post("/api/v1/vigilance-reports/{id}/submission", fsca)
                .then()
                .statusCode(200)
                .body("late", equalTo(true));
        as("ra").contentType(ContentType.JSON)
                .body("{\"accepted\":true,\"authorityReference\":\"BfArM-FSCA-1\"}")
                .post("/api/v1/vigilance-reports/{id}/acknowledgement", fsca)
                .then()
                .statusCode(204);

        // the trend report is rejected, drafted again at once, resubmitted and accepted
        as("ra").contentType(ContentType.JSON)
                .body(submission("MTR-1", "ra-local"))
                .post("/api/v1/vigilance-reports/{id}/submission", trend)
                .then()
                .statusCode(200);
        as("ra").contentType(ContentType.JSON)
                .body("{\"accepted\":false,\"reason\":\"period missing\"}")
                .post("/api/v1/vigilance-reports/{id}/acknowledgement", trend)
                .then()
                .statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", trend)
                .then()
                .body("status", equalTo("DRAFT"))
                .body("answer.reason", equalTo("period missing")));
        as("ra").contentType(ContentType.JSON)
                .body(submission("MTR-2", "ra-local"))
                .post("/api/v1/vigilance-reports/{id}/submission", trend)
                .then()
                .statusCode(200);
        as("ra").contentType(ContentType.JSON)
                .body("{\"accepted\":true,\"authorityReference\":\"BfArM-MTR-1\"}")
                .post("/api/v1/vigilance-reports/{id}/acknowledgement", trend)
                .then()
                .statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as("auditor")
                .queryParam("caseId", caseId)
                .queryParam("status", "ACKNOWLEDGED")
                .get("/api/v1/vigilance-reports")
                .then()
                .body("kind", hasItems("FSCA", "TREND"))
                .body("", hasSize(2)));

        // neither discharged the incident's clock
        as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .body(
                        "incidents.find { it.reportId == '" + inGermany
                                + "' }.clocks.find { it.regime == 'EU_MDR' }.state",
                        equalTo("OPEN"));
        assertTrue(trail.audit(VigilanceReport.class, trend).verified());
    }

    private static boolean listed(Path folder, String prefix) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reportId(JsonPath reports, String incidentReportId, String regime) {
        return reports.getString(
                "find { it.incidentReportId == '" + incidentReportId + "' && it.regime == '" + regime + "' }.id");
    }

    private static String submission(String reference, String password) {
        return """
                {"reference":"%s","signature":{"password":"%s","meaning":"APPROVAL"}}"""
                .formatted(reference, password);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }
}
