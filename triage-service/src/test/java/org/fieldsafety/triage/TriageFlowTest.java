package org.fieldsafety.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The triage flow against the real broker and database: consume, classify, store, publish, serve. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class TriageFlowTest {

    static final String PRODUCT =
            """
            {"name": "Insulin pump X", "udiDi": "08712345000018", "euRiskClass": "IIb", "markets": ["DE", "FR", "US"],
             "softwareItems": [{"id": "dose-calculator", "safetyClass": "C"}, {"id": "ui", "safetyClass": "B"}],
             "hazards": [{"faultCode": "E-DOSE-CALC-OVERFLOW", "softwareItem": "dose-calculator",
               "hazard": "Over-infusion", "hazardousSituation": "Patient receives excess insulin",
               "harm": "Severe hypoglycaemia", "severity": 5, "probability": 3,
               "imdrf": {"annexA": "A110202", "annexE": "E1206", "annexF": "F1005"}}]}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Inject
    ObjectMapper json;

    @Test
    void aReportIsClassifiedAgainstTheRegistryStoredAndPublished() throws Exception {
        String productId = "PUMP-" + UUID.randomUUID();
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT)
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT)
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("softwareItems.id", contains("dose-calculator", "ui"));
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/products/{id}", productId)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("changedBy", equalTo("qa"))
                .body("hazards[0].imdrf.annexA", equalTo("A110202"))
                .body(
                        "hazards[0].imdrf.terms.term",
                        contains("Application Program Problem: Dose Calculation Error", "Hypoglycemia", "Overdose"))
                .body("hazards[0].imdrf.terms.release", contains("2022", "2022", "2022"));

        FieldReportReceived report = report(productId, "dose-calculator", "E-DOSE-CALC-OVERFLOW");
        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .get("/api/v1/triage/{id}", report.reportId())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        publish(report);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .get("/api/v1/triage/{id}", report.reportId())
                .then()
                .statusCode(200)
                .body("productId", equalTo(productId))
                .body("safetyClass", equalTo("C"))
                .body("hazard", equalTo("Over-infusion"))
                .body("severity", equalTo(5))
                .body("probability", equalTo(3))
                .body("riskRegion", equalTo("UNACCEPTABLE"))
                .body("seriousIncident", equalTo(true))
                .body("fscaCandidate", equalTo(true))
                .body("registryVersion", equalTo(2))
                .body("policyVersion", greaterThan(0))
                .body("awareAt", equalTo(report.receivedAt().toString()))
                .body("reportability.basis", contains("Art. 87(3)", "21 CFR 803.50"))
                .body("imdrf.code", contains("A110202", "E1206", "F1005"))
                .body(
                        "reportability.deadline",
                        contains(
                                report.receivedAt().plus(15, ChronoUnit.DAYS).toString(),
                                report.receivedAt().plus(30, ChronoUnit.DAYS).toString())));

        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .queryParam("productId", productId)
                .get("/api/v1/problems")
                .then()
                .statusCode(200)
                .body("problemId", contains(problemId(productId)))
                .body("[0].occurrences", equalTo(1))
                .body("[0].softwareVersions", contains("4.2.1"))
                .body("[0].countries", contains("DE"))
                .body("[0].firstSeen", equalTo(report.receivedAt().toString()));

        ConsumerRecord<String, String> triaged =
                awaitRecords(Topics.TRIAGE, ceId(report), 1).get(0);
        assertEquals(problemId(productId), triaged.key(), "keyed by problem (decision 0020)");
        assertEquals(triaged.key(), header(triaged, "ce_subject"));
        assertEquals(ReportTriaged.TYPE, header(triaged, "ce_type"));
        assertEquals("/triage-service", header(triaged, "ce_source"));
        ReportTriaged event = json.readValue(triaged.value(), ReportTriaged.class);
        assertEquals(report.reportId(), event.reportId());
        assertEquals("UNACCEPTABLE", event.riskRegion());
        assertEquals(problemId(productId), event.problemId());
        assertEquals(
                new ReportTriaged.ImdrfTerm("F1005", "Overdose", "2022"),
                event.imdrf().get(2));
        metrics()
                .body(
                        containsString(
                                "fieldsafety_triage_outcomes_total{fsca_candidate=\"true\",risk_region=\"UNACCEPTABLE\",serious=\"true\"}"))
                // Quarkus' Kafka binder: Kafka's own records-lag of every consumer
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{"));
    }

    /** A hazard's IMDRF code must be in the loaded release of its annex; a refused entry stores nothing. */
    @Test
    void aProductWhoseHazardHasACodeNotInTheReleaseIsRefused() {
        String productId = "PUMP-" + UUID.randomUUID();
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT.replace("E1206", "E9999"))
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("E9999"));
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT.replace("\"annexE\": \"E1206\"", "\"annexE\": \"A0901\""))
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(400)
                .body("errors.message", contains("must be an IMDRF Annex E code"));
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .get("/api/v1/products/{id}", productId)
                .then()
                .statusCode(404);
    }

    /** A report's result continues the trace of the report's record, though triage takes reports in batches. */
    @Test
    void theResultCarriesTheTraceOfItsReport() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        FieldReportReceived report = report("TRACED-" + UUID.randomUUID(), "ui", "E-TRACED");
        publish(report, "00-" + traceId + "-b7ad6b7169203331-01");

        ConsumerRecord<String, String> triaged =
                awaitRecords(Topics.TRIAGE, ceId(report), 1).get(0);
        assertEquals(traceId, header(triaged, "traceparent").split("-")[1]);
    }

    /** IEC 62304 8.2.2: a range of versions keeps the class it had; ranges of one item must not overlap. */
    @Test
    void aReportIsClassifiedWithTheClassOfItsVersionAndOverlappingRangesAreRefused() throws Exception {
        String productId = "RECLASSIFIED-" + UUID.randomUUID();
        String entry =
                """
                {"name": "Insulin pump X", "markets": ["DE"],
                 "softwareItems": [{"id": "dose-calculator", "safetyClass": "B",
                                    "versionClasses": [%s]}],
                 "hazards": [{"faultCode": "E-DOSE-CALC-OVERFLOW", "hazard": "Over-infusion", "severity": 2}]}
                """;
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(
                        entry.formatted(
                                """
                        {"toVersion": "5.0", "safetyClass": "C"}, {"fromVersion": "4.9", "safetyClass": "A"}"""))
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(containsString("overlapping-version-ranges"));
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(entry.formatted("""
                        {"toVersion": "5.0", "safetyClass": "C"}"""))
                .put("/api/v1/products/{id}", productId)
                .then()
                .statusCode(200)
                .body("softwareItems[0].versionClasses[0].safetyClass", equalTo("C"));

        FieldReportReceived v4 = report(productId, "dose-calculator", "E-DOSE-CALC-OVERFLOW");
        FieldReportReceived v5 = withVersion(report(productId, "dose-calculator", "E-DOSE-CALC-OVERFLOW"), "5.0");
        publish(v4);
        publish(v5);
        for (Map.Entry<FieldReportReceived, String> expected :
                Map.of(v4, "C", v5, "B").entrySet()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth()
                    .preemptive()
                    .basic("ra", "ra-local")
                    .get("/api/v1/triage/{id}", expected.getKey().reportId())
                    .then()
                    .statusCode(200)
                    .body("safetyClass", equalTo(expected.getValue())));
        }
    }

    private static FieldReportReceived withVersion(FieldReportReceived r, String version) {
        return new FieldReportReceived(
                r.reportId(),
                r.clientId(),
                r.receivedAt(),
                r.source(),
                r.productId(),
                r.udiDi(),
                r.deviceSerial(),
                version,
                r.softwareItem(),
                r.faultCode(),
                r.occurredAt(),
                r.country(),
                r.patientOutcome(),
                r.description(),
                r.reporter(),
                r.attributes(),
                r.awareAt(),
                r.followUpOf());
    }

    @Test
    void aRedeliveredReportIsStoredOnceAndItsStoredResultRepublished() throws Exception {
        FieldReportReceived report = report("UNREGISTERED-" + UUID.randomUUID(), "ui", "E-NEW");
        publish(report);
        List<ConsumerRecord<String, String>> first = awaitRecords(Topics.TRIAGE, ceId(report), 1);
        publish(report);
        List<ConsumerRecord<String, String>> both = awaitRecords(Topics.TRIAGE, ceId(report), 2);

        assertEquals(first.get(0).value(), both.get(1).value(), "the stored result, not a new triage");
        assertEquals(1, storedResults(report.reportId()));
        ReportTriaged event = json.readValue(both.get(1).value(), ReportTriaged.class);
        assertEquals("C", event.safetyClass(), "an unregistered product is class C");
        assertEquals(
                List.of("Art. 87(5)", "21 CFR 803.50"),
                event.reportability().stream()
                        .map(ReportTriaged.Reportability::basis)
                        .toList());
    }

    @Test
    void anUnreadableReportGoesToTheDeadLetterTopicWithTheReasonAndAnotherTypeIsSkipped() throws Exception {
        // one key, hence one partition, in this order: the report is triaged only after both were handled
        FieldReportReceived report = report("POISON-" + UUID.randomUUID(), "ui", "E-NEW");
        String key = Topics.reportKey(report.productId(), report.faultCode());
        try (KafkaProducer<String, String> producer = producer()) {
            for (String[] typeAndValue : List.of(
                    new String[] {"org.example.SomethingNew.v1", "not for triage, not even JSON"},
                    new String[] {FieldReportReceived.TYPE, "{not json"})) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REPORTS, key, typeAndValue[1]);
                record.headers().add("ce_type", bytes(typeAndValue[0]));
                producer.send(record).get();
            }
        }
        publish(report);
        awaitRecords(Topics.TRIAGE, ceId(report), 1);

        List<ConsumerRecord<String, String>> dead = awaitRecords(Topics.deadLetter(Topics.REPORTS), key, 1);
        assertEquals(
                List.of("{not json"), dead.stream().map(ConsumerRecord::value).toList());
        assertEquals(
                true, header(dead.get(0), "dead-letter-reason").startsWith("not a FieldReportReceived JSON document"));
        metrics().body(containsString("fieldsafety_kafka_dead_letters_total{topic=\"" + Topics.REPORTS + "\"}"));
    }

    @Test
    void readingAndChangingNeedTheRightRole() {
        given().get("/api/v1/triage/{id}", "any").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("ra", "wrong")
                .get("/api/v1/triage/{id}", "any")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/triage/{id}", "unknown")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(PRODUCT)
                .put("/api/v1/products/{id}", "ANY")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body("{\"name\": \"\"}")
                .put("/api/v1/products/{id}", "ANY")
                .then()
                .statusCode(400)
                .body("errors.field", notNullValue());
        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .get("/api/v1/problems")
                .then()
                .statusCode(400);
    }

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems(
                                "Reactive PostgreSQL connections health check",
                                "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theRiskPolicyIsVersioned() {
        Map<?, ?> current = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .get("/api/v1/risk-policy")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .contentType(ContentType.JSON)
                .body(Map.of("matrix", current.get("matrix")))
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(Map.of("matrix", current.get("matrix")))
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(200)
                .body("version", equalTo((Integer) current.get("version") + 1));
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(Map.of("matrix", List.of(List.of("ACCEPTABLE"))))
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(400);
    }

    private FieldReportReceived report(String productId, String item, String fault) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new FieldReportReceived(
                UUID.randomUUID().toString(),
                "client-1",
                now,
                ReportSource.DEVICE_TELEMETRY,
                productId,
                "08712345000018",
                "SN-1",
                "4.2.1",
                item,
                fault,
                now.minusSeconds(60),
                "DE",
                PatientOutcome.SERIOUS_INJURY,
                "Bolus computed 10x the requested amount",
                new FieldReportReceived.Reporter("DEVICE"),
                Map.of("battery", "81"),
                null,
                null);
    }

    private static ValidatableResponse metrics() {
        return given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class))
                .get("/q/metrics")
                .then()
                .statusCode(200);
    }

    private void publish(FieldReportReceived report) throws Exception {
        publish(report, null);
    }

    private void publish(FieldReportReceived report, String traceparent) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(Topics.REPORTS, report.productId(), json.writeValueAsString(report));
            record.headers()
                    .add("ce_specversion", bytes("1.0"))
                    .add("ce_id", bytes(report.reportId()))
                    .add("ce_type", bytes(FieldReportReceived.TYPE))
                    .add("ce_source", bytes("/intake-service"))
                    .add("ce_subject", bytes(report.productId()))
                    .add("content-type", bytes("application/json"));
            if (traceparent != null) {
                record.headers().add("traceparent", bytes(traceparent));
            }
            producer.send(record).get();
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Waits until the topic holds {@code count} records with this CloudEvent id or key, in offset order. */
    private List<ConsumerRecord<String, String>> awaitRecords(String topic, String idOrKey, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            found.addAll(records(topic, idOrKey));
            return found.size() >= count;
        });
        return found;
    }

    /** Every record with this CloudEvent id or key that the topic holds now, read to its end. */
    private List<ConsumerRecord<String, String>> records(String topic, String idOrKey) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (idOrKey.equals(r.key()) || idOrKey.equals(header(r, "ce_id"))) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private int storedResults(String reportId) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement query =
                        connection.prepareStatement("select count(*) from triage_result where report_id = ?")) {
            query.setString(1, reportId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String problemId(String productId) {
        return UUID.nameUUIDFromBytes(
                        (productId + "\ndose-calculator\nE-DOSE-CALC-OVERFLOW").getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String ceId(FieldReportReceived report) {
        return "triaged-" + report.reportId();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
