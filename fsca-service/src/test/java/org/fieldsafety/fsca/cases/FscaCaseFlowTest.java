package org.fieldsafety.fsca.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Test;

/** From a triage event on the real broker to a signed decision published on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
class FscaCaseFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void anFscaCandidateOpensACaseThatRegulatoryAffairsDecidesAndSigns() throws Exception {
        String problemId = UUID.randomUUID().toString();
        ReportTriaged triaged = triaged(problemId, "report-" + problemId);
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
                .body("[0].incidents", hasSize(1))
                .body("[0].incidents[0].awareAt", equalTo(triaged.awareAt().toString()))
                .body("[0].incidents[0].clocks[0].basis", equalTo("Art. 87(3)")));

        try (KafkaConsumer<String, String> milestones = TestKafka.consumerFromStart(bootstrapServers, Topics.FSCA)) {
            given().auth()
                    .preemptive()
                    .basic("ra", "ra-local")
                    .contentType(ContentType.JSON)
                    .body(decision("ra-local"))
                    .post("/api/v1/fsca-cases/{id}/decision", caseId)
                    .then()
                    .statusCode(200)
                    .body("signature.signer", equalTo("ra"))
                    .body("signature.meaning", equalTo("APPROVAL"));

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(milestones).stream()
                        .filter(r -> caseId.equals(r.key()))
                        .forEach(received::add);
                return !received.isEmpty();
            });
            ConsumerRecord<String, String> record = received.get(0);
            assertEquals("org.fieldsafety.FscaDecisionTaken.v1", TestKafka.header(record, "ce_type"));
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
                .body("decision.signedVersion", equalTo(1)));

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

    private static String decision(String password) {
        return """
                {"decision":"FSCA_REQUIRED","rationale":"Dose calculation overflow can over-infuse",
                 "action":"SOFTWARE_UPDATE","signature":{"password":"%s","meaning":"APPROVAL"}}"""
                .formatted(password);
    }

    private void publish(ReportTriaged triaged) throws Exception {
        TestKafka.publishCloudEvent(
                bootstrapServers,
                Topics.TRIAGE,
                triaged.productId(),
                "triaged-" + triaged.reportId(),
                ReportTriaged.TYPE,
                json.writeValueAsString(triaged));
    }

    private static ReportTriaged triaged(String problemId, String reportId) {
        Instant aware = Instant.now().minusSeconds(3600);
        return new ReportTriaged(
                reportId,
                "INSULIN-PUMP-X",
                problemId,
                "dose-calculator",
                "4.2.1",
                "E-DOSE-CALC-OVERFLOW",
                "DE",
                PatientOutcome.SERIOUS_INJURY,
                "C",
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                true,
                aware,
                aware.plusSeconds(1),
                1,
                List.of(
                        new ReportTriaged.Reportability("EU_MDR", "Art. 87(3)", aware.plusSeconds(15 * 86400)),
                        new ReportTriaged.Reportability("US_FDA", "21 CFR 803.50", aware.plusSeconds(30 * 86400))));
    }
}
