package org.fieldsafety.intake;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared test data and calls: a valid report, an API key created the way an administrator does it. */
public final class IntakeTestSupport {

    public static final String PRODUCT = "INSULIN-PUMP-X";

    private IntakeTestSupport() {}

    /** A valid DEVICE_TELEMETRY report; tests change single fields. */
    public static Map<String, Object> report() {
        Map<String, Object> report = new HashMap<>();
        report.put("source", "DEVICE_TELEMETRY");
        report.put("productId", PRODUCT);
        report.put("udiDi", "08712345000018");
        report.put("deviceSerial", "SN-000123");
        report.put("softwareVersion", "4.2.1");
        report.put("softwareItem", "dose-calculator");
        report.put("faultCode", "E-DOSE-CALC-OVERFLOW");
        report.put("occurredAt", Instant.now().minusSeconds(3600).toString());
        report.put("country", "DE");
        report.put("patientOutcome", "SERIOUS_INJURY");
        report.put("description", "Bolus computed 10x the requested amount");
        report.put("reporter", Map.of("type", "DEVICE"));
        report.put("attributes", Map.of("battery", "81"));
        return report;
    }

    /** A request that posts a valid report with API key {@code key}. */
    public static RequestSpecification reportRequest(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON).body(report());
    }

    public static Map<String, Object> report(String field, Object value) {
        Map<String, Object> report = report();
        report.put(field, value);
        return report;
    }

    /** A new key as the admin creates it; returns {id, key}. */
    public static Map<String, String> createKey(String client, List<String> products) {
        Map<String, Object> body = new HashMap<>();
        body.put("client", client);
        if (products != null) {
            body.put("products", products);
        }
        return createKey(body);
    }

    /** A new key from the whole creation request; returns {id, key}. */
    public static Map<String, String> createKey(Map<String, Object> body) {
        return given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
    }
}
