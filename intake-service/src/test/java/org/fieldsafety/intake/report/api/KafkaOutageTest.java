package org.fieldsafety.intake.report.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.InfraTestResource.TestServers;
import org.fieldsafety.infra.KafkaBroker;
import org.fieldsafety.intake.IntakeTestSupport;
import org.fieldsafety.intake.KafkaTestSupport;
import org.fieldsafety.intake.report.ReportIds;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kafka stops while the app runs: a report is refused with 503 within the publish bound, never a 202, and
 * once Kafka is back its retry is stored exactly once, with the first attempt's awareness time, and
 * nothing stored before is lost. It stops the broker every test class shares (same port and data
 * directory on restart), so it runs last (the class order is set in pom.xml).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {

    private static final String CLIENT = "outage-fleet";
    private static final String IDEMPOTENCY_KEY = "outage-1";

    @Test
    void whileKafkaIsDownAReportGets503AndItsRetryIsStoredOnceWhenKafkaIsBack() throws Exception {
        Config config = ConfigProvider.getConfig();
        Duration publishBound = config.getValue("intake.publish-timeout", Duration.class);
        String key = IntakeTestSupport.createKey(CLIENT, null).get("key");
        String storedBefore = IntakeTestSupport.reportRequest(key)
                .post("/api/v1/field-reports")
                .then()
                .statusCode(202)
                .extract()
                .path("reportId");

        KafkaBroker broker = TestServers.get().kafka();
        assertEquals(config.getValue("kafka.bootstrap.servers", String.class), broker.bootstrapServers());
        broker.close();
        Instant refusedBy;
        try {
            long start = System.nanoTime();
            IntakeTestSupport.reportRequest(key)
                    .header(FieldReportResource.IDEMPOTENCY_KEY, IDEMPOTENCY_KEY)
                    .post("/api/v1/field-reports")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", config.getValue("intake.retry-after-seconds", String.class))
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", notNullValue());
            refusedBy = Instant.now();
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(answeredIn.compareTo(publishBound.plusSeconds(2)) < 0, "503 after " + answeredIn);
        } finally {
            broker.restart();
        }

        // the client retries after Retry-After, as a device would, until Kafka takes the report
        ExtractableResponse<Response> accepted = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> IntakeTestSupport.reportRequest(key)
                                .header(FieldReportResource.IDEMPOTENCY_KEY, IDEMPOTENCY_KEY)
                                .post("/api/v1/field-reports")
                                .then()
                                .extract(),
                        response -> response.statusCode() == 202);
        String retried = accepted.path("reportId");
        assertEquals(ReportIds.of(CLIENT, IDEMPOTENCY_KEY), retried);
        Instant receivedAt = Instant.parse(accepted.path("receivedAt"));
        assertFalse(receivedAt.isAfter(refusedBy), "the awareness time is the refused first attempt's: " + receivedAt);

        List<ConsumerRecord<String, String>> stored = KafkaTestSupport.allRecords(Topics.REPORTS);
        assertEquals(1, count(stored, retried), "records of the retried report");
        assertEquals(1, count(stored, storedBefore), "records of the report stored before the outage");
    }

    private static long count(List<ConsumerRecord<String, String>> records, String reportId) {
        return records.stream()
                .filter(record -> reportId.equals(KafkaTestSupport.header(record, "ce_id")))
                .count();
    }
}
