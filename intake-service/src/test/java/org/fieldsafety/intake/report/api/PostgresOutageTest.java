package org.fieldsafety.intake.report.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.InfraTestResource.TestServers;
import org.fieldsafety.intake.IntakeTestSupport;
import org.fieldsafety.intake.KafkaTestSupport;
import org.fieldsafety.intake.report.ReportIds;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops while the app runs: a keyed report, whose first receipt must be stored before it is
 * accepted, is refused with 503 and published nowhere; once PostgreSQL is back, keyed reports are stored
 * again (the statement that failed holds nothing up) and the retry carries the awareness time of the
 * attempt that was stored. It restarts the database every test class shares, so it runs after the others
 * but before {@link KafkaOutageTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
@Order(Integer.MAX_VALUE - 1)
class PostgresOutageTest {

    private static final String CLIENT = "postgres-outage-fleet";
    private static final String IDEMPOTENCY_KEY = "postgres-outage-1";

    @Test
    void whilePostgresIsDownAKeyedReportGets503AndOnceItIsBackTheRetryIsStoredOnce() {
        String key = IntakeTestSupport.createKey(CLIENT, null).get("key");
        // an unkeyed report needs no database: the key is known to the running app before it stops
        IntakeTestSupport.reportRequest(key)
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202);
        Instant before = Instant.now();
        TestServers.get().postgres().restart(() -> keyed(key)
                .post("/api/v1/field-reports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://fieldsafety.org/problems/store-unavailable")));

        ExtractableResponse<Response> accepted = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> keyed(key).post("/api/v1/field-reports").then().extract(),
                        response -> response.statusCode() == 202);
        String reportId = accepted.path("reportId");
        assertEquals(ReportIds.of(CLIENT, IDEMPOTENCY_KEY), reportId);
        assertFalse(Instant.parse(accepted.path("receivedAt")).isBefore(before));
        keyed(key)
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202)
                .body("receivedAt", equalTo(accepted.path("receivedAt")));

        List<ConsumerRecord<String, String>> published = KafkaTestSupport.allRecords(Topics.REPORTS).stream()
                .filter(record -> reportId.equals(KafkaTestSupport.header(record, "ce_id")))
                .toList();
        assertEquals(2, published.size(), "the accepted report and its retry; the refused attempt is not published");
    }

    private static RequestSpecification keyed(String key) {
        return IntakeTestSupport.reportRequest(key).header(FieldReportResource.IDEMPOTENCY_KEY, IDEMPOTENCY_KEY);
    }
}
