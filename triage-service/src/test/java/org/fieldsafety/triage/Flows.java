package org.fieldsafety.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.TestKafka;
import org.fieldsafety.triage.classification.Classification;

/**
 * What the problem, trend and what-if flow tests share: a product whose one fault has a negligible
 * catalogued risk, its reports, and reading the triage topic.
 */
public final class Flows {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fault whose catalogued risk is negligible: its reports are no FSCA candidates, only its trend matters. */
    public static final String PRODUCT =
            """
            {"name": "Glucose meter", "markets": ["DE"],
             "softwareItems": [{"id": "display", "safetyClass": "A"}],
             "hazards": [{"faultCode": "E-BACKLIGHT", "softwareItem": "display", "hazard": "Dim display",
               "severity": 1, "probability": 1}]}
            """;

    private Flows() {}

    public static RequestSpecification staff(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    /** Registers {@link #PRODUCT} under a new id and answers the id. */
    public static String registeredProduct(String prefix) {
        String productId = prefix + "-" + UUID.randomUUID();
        staff("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT)
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(200);
        return productId;
    }

    public static String problemId(String productId) {
        return Classification.problemId(productId, "display", "E-BACKLIGHT");
    }

    /** A report of the product's E-BACKLIGHT fault without harm, received now. */
    public static FieldReportReceived report(String productId) {
        return report(productId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The same, received (the manufacturer aware of it) at {@code received}. */
    public static FieldReportReceived report(String productId, Instant received) {
        return new FieldReportReceived(
                UUID.randomUUID().toString(),
                "client-1",
                received,
                ReportSource.DEVICE_TELEMETRY,
                productId,
                null,
                "SN-1",
                "1.0.0",
                "display",
                "E-BACKLIGHT",
                received.minusSeconds(60),
                "DE",
                PatientOutcome.NONE,
                "Display dim",
                new FieldReportReceived.Reporter("DEVICE"),
                Map.of(),
                null,
                null);
    }

    public static void publish(String bootstrap, ObjectMapper json, FieldReportReceived report) {
        try {
            TestKafka.publishCloudEvent(
                    bootstrap,
                    Topics.REPORTS,
                    Topics.reportKey(report.productId(), report.faultCode()),
                    report.reportId(),
                    FieldReportReceived.TYPE,
                    json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The product's events on the triage topic (keyed by problem, so read from the value), from its start
     * until {@code ceId} was seen {@code times}.
     */
    public static List<ConsumerRecord<String, String>> eventsUntil(
            String bootstrap, String productId, String ceId, int times) {
        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestKafka.consumerFromStart(bootstrap, Topics.TRIAGE)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestKafka.poll(consumer).stream()
                        .filter(r -> productId.equals(productIdOf(r)))
                        .forEach(events::add);
                return withId(events, ceId).size() >= times;
            });
        }
        return events;
    }

    private static String productIdOf(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("productId").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events with this CloudEvent id, in order. */
    public static List<ConsumerRecord<String, String>> withId(
            List<ConsumerRecord<String, String>> events, String ceId) {
        return events.stream()
                .filter(r -> ceId.equals(TestKafka.header(r, "ce_id")))
                .toList();
    }
}
