package org.fieldsafety.intake.report.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fieldsafety.contracts.FieldLengths;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.intake.IntakeTestSupport;
import org.fieldsafety.intake.KafkaTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class FieldReportResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String key;

    @BeforeEach
    void createKeyOnce() {
        if (key != null) {
            return;
        }
        key = IntakeTestSupport.createKey("pump-cloud", List.of(IntakeTestSupport.PRODUCT))
                .get("key");
    }

    private static ValidatableResponse post(String path, Object body) {
        return given().header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then();
    }

    private static URI fieldReports() {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/field-reports");
    }

    @Test
    void anAcceptedReportIsOnTheTopicKeyedByProductAsACloudEvent() throws Exception {
        Instant before = Instant.now();
        Map<String, String> accepted = post("/api/v1/field-reports", IntakeTestSupport.report())
                .statusCode(202)
                .header("Location", startsWith("http://localhost:8082/api/v1/triage/"))
                .extract()
                .as(Map.class);
        String reportId = accepted.get("reportId");
        assertFalse(Instant.parse(accepted.get("receivedAt")).isBefore(before.minusSeconds(1)));

        ConsumerRecord<String, String> record = KafkaTestSupport.awaitRecords(
                        Topics.REPORTS, r -> reportId.equals(KafkaTestSupport.header(r, "ce_id")), 1)
                .get(0);
        // keyed by product and fault code, so a problem's reports share a partition (decision 0020)
        assertEquals(IntakeTestSupport.PRODUCT + "/E-DOSE-CALC-OVERFLOW", record.key());
        assertEquals(record.key(), KafkaTestSupport.header(record, "ce_subject"));
        assertEquals(FieldReportReceived.TYPE, KafkaTestSupport.header(record, "ce_type"));
        assertEquals("/intake-service", KafkaTestSupport.header(record, "ce_source"));
        JsonNode payload = JSON.readTree(record.value());
        assertEquals(reportId, payload.get("reportId").asText());
        assertEquals("pump-cloud", payload.get("clientId").asText());
        assertEquals("E-DOSE-CALC-OVERFLOW", payload.get("faultCode").asText());
        assertEquals(accepted.get("receivedAt"), payload.get("receivedAt").asText());
    }

    /** The report's record continues the trace of the request that reported it (W3C traceparent). */
    @Test
    void theReportsRecordCarriesTheTraceOfTheRequest() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String reportId = given().header("X-API-Key", key)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202)
                .extract()
                .path("reportId");

        ConsumerRecord<String, String> record = KafkaTestSupport.awaitRecords(
                        Topics.REPORTS, r -> reportId.equals(KafkaTestSupport.header(r, "ce_id")), 1)
                .get(0);
        assertEquals(traceId, KafkaTestSupport.header(record, "traceparent").split("-")[1]);
    }

    /**
     * ISO 13485 8.2.2: a complaint of a death that names neither version, fault nor time is accepted, and it
     * carries the earlier awareness the complaint unit gives (21 CFR 803.3) and the report it follows up.
     */
    @Test
    void anIncompleteComplaintIsAcceptedWithItsAwarenessAndTheReportItFollowsUp() throws Exception {
        Instant aware = Instant.now().minus(Duration.ofDays(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> complaint = new java.util.HashMap<>();
        complaint.put("source", "CUSTOMER_COMPLAINT");
        complaint.put("productId", IntakeTestSupport.PRODUCT);
        complaint.put("patientOutcome", "DEATH");
        complaint.put("description", "The patient died after a bolus; the pump's version is not known");
        complaint.put("awareAt", aware.toString());
        complaint.put("followUpOf", "earlier-report");
        String reportId = post("/api/v1/field-reports", complaint)
                .statusCode(202)
                .extract()
                .path("reportId");

        JsonNode payload = JSON.readTree(KafkaTestSupport.awaitRecords(
                        Topics.REPORTS, r -> reportId.equals(KafkaTestSupport.header(r, "ce_id")), 1)
                .get(0)
                .value());
        assertEquals(aware, Instant.parse(payload.get("awareAt").asText()));
        assertEquals("earlier-report", payload.get("followUpOf").asText());
        assertFalse(payload.hasNonNull("softwareVersion"));
        assertFalse(payload.hasNonNull("occurredAt"));
    }

    /** 21 CFR 803.3, MDR Art. 87(1): nobody is aware of an event before it happened, nor after intake has it. */
    @Test
    void anAwarenessBeforeTheEventOrInTheFutureNamesAwareAt() {
        assertInvalid(
                IntakeTestSupport.report(
                        "awareAt", Instant.now().minus(Duration.ofHours(2)).toString()),
                "awareAt");
        assertInvalid(
                IntakeTestSupport.report(
                        "awareAt", Instant.now().plus(Duration.ofHours(1)).toString()),
                "awareAt");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameReportIdAndTheFirstReceivedAt() {
        Map<String, String> first = given().header("X-API-Key", key)
                .header("Idempotency-Key", "retry-42")
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202)
                .extract()
                .as(Map.class);
        given().header("X-API-Key", key)
                .header("Idempotency-Key", "retry-42")
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202)
                .body("reportId", equalTo(first.get("reportId")))
                .body("receivedAt", equalTo(first.get("receivedAt")));
    }

    /**
     * Keyed requests that arrive together are stored together: every one is answered, and a key sent twice at
     * once gets one report id and one awareness time.
     */
    @Test
    void concurrentKeyedRequestsAreEachAnsweredAndASharedKeyKeepsOneAwareness() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = JSON.writeValueAsString(IntakeTestSupport.report());
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(client.sendAsync(
                    HttpRequest.newBuilder(fieldReports())
                            .header("X-API-Key", key)
                            .header("Idempotency-Key", "together-" + (i % 20))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Set<String>> receivedAtByReport = new HashMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(202, response.statusCode(), response.body());
            JsonNode accepted = JSON.readTree(response.body());
            receivedAtByReport
                    .computeIfAbsent(accepted.get("reportId").asText(), id -> new HashSet<>())
                    .add(accepted.get("receivedAt").asText());
        }
        assertEquals(20, receivedAtByReport.size());
        receivedAtByReport.forEach((reportId, times) -> assertEquals(1, times.size(), reportId + " " + times));
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String slowKey = IntakeTestSupport.createKey(
                        Map.of("client", "slow-app", "rateLimit", Map.of("reportsPerSecond", 0.001, "burst", 1)))
                .get("key");
        given().header("X-API-Key", slowKey)
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202);
        given().header("X-API-Key", slowKey)
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", notNullValue());
    }

    @Test
    void aReportWithoutKeyOrWithAnUnknownKeyIsUnauthorized() {
        given().contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-API-Key", "fsk_unknown")
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aKeyBoundToProductsCannotReportForAnother() {
        post("/api/v1/field-reports", IntakeTestSupport.report("productId", "OTHER-DEVICE"))
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void invalidReportsNameTheFailingField() {
        assertInvalid(IntakeTestSupport.report("faultCode", null), "faultCode");
        Map<String, Object> complaint = IntakeTestSupport.report("source", "CUSTOMER_COMPLAINT");
        complaint.remove("description");
        assertInvalid(complaint, "description");
        assertInvalid(IntakeTestSupport.report("country", "XX"), "country");
        assertInvalid(IntakeTestSupport.report("softwareVersion", null), "softwareVersion");
        assertInvalid(IntakeTestSupport.report("occurredAt", null), "occurredAt");
        assertInvalid(
                IntakeTestSupport.report(
                        "occurredAt", Instant.now().plus(Duration.ofHours(1)).toString()),
                "occurredAt");
    }

    /**
     * Every text field takes a value as long as its limit ({@link FieldLengths}, which every column after
     * intake is at least as wide as) and refuses one character more.
     */
    @Test
    void eachTextFieldTakesItsLongestValueAndRefusesOneCharacterMore() {
        Map<String, Integer> limits = Map.of(
                "udiDi", FieldLengths.UDI_DI,
                "deviceSerial", FieldLengths.DEVICE_SERIAL,
                "softwareVersion", FieldLengths.SOFTWARE_VERSION,
                "softwareItem", FieldLengths.SOFTWARE_ITEM,
                "faultCode", FieldLengths.FAULT_CODE,
                "description", FieldLengths.DESCRIPTION);
        Map<String, Object> longest = IntakeTestSupport.report();
        limits.forEach((field, limit) -> longest.put(field, "x".repeat(limit)));
        post("/api/v1/field-reports", longest).statusCode(202);

        limits.forEach((field, limit) -> assertInvalid(IntakeTestSupport.report(field, "x".repeat(limit + 1)), field));
        assertInvalid(IntakeTestSupport.report("productId", "P".repeat(FieldLengths.PRODUCT_ID + 1)), "productId");
    }

    @Test
    void unknownFieldsAndEnumValuesAreRejected() {
        post("/api/v1/field-reports", IntakeTestSupport.report("colour", "blue"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("colour"));
        post("/api/v1/field-reports", IntakeTestSupport.report("occurredAt", "yesterday"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("occurredAt"));
        post("/api/v1/field-reports", IntakeTestSupport.report("productId", Map.of("nested", "object")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("productId"));
        assertInvalid(IntakeTestSupport.report("source", "FAX"), "source");
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(fieldReports())
                                .header("X-API-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(IntakeTestSupport.report())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(415, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow());
        post("/api/v1/field-reports", IntakeTestSupport.report()).statusCode(202);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        post("/api/v1/field-reports", IntakeTestSupport.report("description", "x".repeat(5 * 1024 * 1024)))
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aBatchIsAcceptedInOrderOrRejectedAsAWhole() {
        post(
                        "/api/v1/field-reports/batch",
                        Map.of("reports", List.of(IntakeTestSupport.report(), IntakeTestSupport.report())))
                .statusCode(202)
                .body("reportIds", hasSize(2));
        post(
                        "/api/v1/field-reports/batch",
                        Map.of(
                                "reports",
                                List.of(IntakeTestSupport.report(), IntakeTestSupport.report("country", "XX"))))
                .statusCode(400)
                .body("errors.field", hasItem("reports[1].country"));
    }

    private static void assertInvalid(Map<String, Object> report, String field) {
        post("/api/v1/field-reports", report)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
