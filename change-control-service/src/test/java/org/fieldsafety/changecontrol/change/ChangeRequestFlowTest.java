package org.fieldsafety.changecontrol.change;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
import org.fieldsafety.infra.TestKafka;
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
        step("qa", id, "approval", approval())
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
        return given().auth()
                .preemptive()
                .basic(user, user + "-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/change-requests/{id}/" + step, id)
                .then();
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
                Instant.now());
    }
}
