package org.fieldsafety.pms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.KafkaBroker;
import org.fieldsafety.infra.Ports;
import org.fieldsafety.infra.RepositoryLayout;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The reference client against a real broker: what a PMS vendor's integration must get right. */
@Tag("flow")
class PmsClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static KafkaBroker kafka;
    private final ExecutorService followers = Executors.newCachedThreadPool();
    private final List<PmsClient> clients = new ArrayList<>();

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = KafkaBroker.start(Files.createTempDirectory("pms-client-kafka-"), Ports.free(), Ports.free());
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @AfterEach
    void stopFollowers() throws InterruptedException {
        clients.forEach(PmsClient::close);
        followers.shutdown();
        assertTrue(followers.awaitTermination(10, TimeUnit.SECONDS), "a follow did not end on close");
    }

    @Test
    void aRedeliveredEventIsHandedOnOnceAndEachKeyKeepsItsOrder() {
        String product = "PUMP-" + UUID.randomUUID();
        String fscaCase = "CASE-" + UUID.randomUUID();
        publish(Topics.TRIAGE, product, "t1");
        publish(Topics.FSCA, fscaCase, "f1");
        publish(Topics.TRIAGE, product, "t2");
        publish(Topics.TRIAGE, product, "t1");
        publish(Topics.FSCA, fscaCase, "f2");
        publish(Topics.FSCA, fscaCase, "f1");
        publish(Topics.CHANGE_CONTROL, product, "c1");
        publish(Topics.TRIAGE, product, "t3");
        publish(Topics.FSCA, fscaCase, "f3");

        List<ReceivedEvent> received = follow("group-" + UUID.randomUUID());

        // the duplicates precede t3 and f3 in their partitions: once those arrived, a duplicate would have too
        await().atMost(PATIENCE)
                .until(() -> idsOf(received, fscaCase).size() == 3
                        && idsOf(received, product).containsAll(List.of("t3", "c1")));
        assertEquals(List.of("t1", "t2", "t3"), idsOf(received, product, Topics.TRIAGE));
        assertEquals(List.of("f1", "f2", "f3"), idsOf(received, fscaCase));
        assertEquals(List.of("c1"), idsOf(received, product, Topics.CHANGE_CONTROL));
        ReceivedEvent first = received.stream()
                .filter(event -> event.id().equals("t1"))
                .findFirst()
                .orElseThrow();
        assertEquals("org.fieldsafety.Test.v1", first.type());
        assertEquals("/tests", first.source());
        assertEquals(product, first.key());
        assertEquals("t1", first.data().path("name").asText());
    }

    @Test
    void aFollowerOfTheSameGroupResumesAfterWhatItHandled() throws Exception {
        String product = "PUMP-" + UUID.randomUUID();
        String group = "group-" + UUID.randomUUID();
        publish(Topics.TRIAGE, product, "before-1");
        publish(Topics.TRIAGE, product, "before-2");
        PmsClient first = new PmsClient(kafka.bootstrapServers());
        clients.add(first);
        List<ReceivedEvent> firstRun = Collections.synchronizedList(new ArrayList<>());
        Future<?> running = followers.submit(() -> first.follow(group, true, firstRun::add));
        await().atMost(PATIENCE).until(() -> idsOf(firstRun, product).size() == 2);
        first.close();
        running.get(10, TimeUnit.SECONDS);

        publish(Topics.TRIAGE, product, "after");
        List<ReceivedEvent> secondRun = follow(group);

        await().atMost(PATIENCE).until(() -> !idsOf(secondRun, product).isEmpty());
        assertEquals(List.of("after"), idsOf(secondRun, product));
    }

    @Test
    void aComplaintLandsAsABinaryCloudEventWithOnlyTheContractsProperties() throws IOException {
        String product = "PUMP-" + UUID.randomUUID();
        Complaint complaint = new Complaint(
                "CMP-" + UUID.randomUUID(),
                product,
                "08712345000018",
                "SN-1",
                "4.2.1",
                "dose-calculator",
                "E-DOSE-CALC-OVERFLOW",
                NOW.minusSeconds(3600),
                "DE",
                "NO_HARM",
                "Bolus too high",
                "PATIENT",
                NOW.minusSeconds(1800),
                "CMP-EARLIER");
        PmsClient client = new PmsClient(kafka.bootstrapServers(), Clock.fixed(NOW, ZoneOffset.UTC));
        clients.add(client);

        client.sendComplaint(complaint);

        ConsumerRecord<String, String> record;
        try (KafkaConsumer<String, String> consumer =
                TestKafka.consumerFromStart(kafka.bootstrapServers(), Topics.PMS_COMPLAINTS)) {
            record = await().atMost(PATIENCE)
                    .until(
                            () -> TestKafka.poll(consumer).stream()
                                    .filter(r -> product.equals(r.key()))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
        }
        assertEquals("1.0", TestKafka.header(record, "ce_specversion"));
        assertEquals(complaint.complaintId(), TestKafka.header(record, "ce_id"));
        assertEquals(PmsClient.COMPLAINT_TYPE, TestKafka.header(record, "ce_type"));
        assertEquals(PmsClient.SOURCE, TestKafka.header(record, "ce_source"));
        assertEquals(product, TestKafka.header(record, "ce_subject"));
        assertEquals(
                NOW, OffsetDateTime.parse(TestKafka.header(record, "ce_time")).toInstant());
        assertEquals("application/json", TestKafka.header(record, "content-type"));

        JsonNode value = new ObjectMapper().readTree(record.value());
        JsonNode schema = complaintSchema();
        Set<String> sent = new HashSet<>();
        value.fieldNames().forEachRemaining(sent::add);
        Set<String> listed = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(listed::add);
        assertEquals(listed, sent, "a complaint with every property sends exactly the contract's");
        schema.path("required")
                .forEach(required ->
                        assertTrue(value.hasNonNull(required.asText()), required.asText() + " in " + value));
        assertEquals(
                complaint.occurredAt(), Instant.parse(value.path("occurredAt").asText()));
    }

    @Test
    void aComplaintWithoutItsRequiredPropertiesIsNotSent() {
        IllegalArgumentException rejected = assertThrows(
                IllegalArgumentException.class,
                () -> new Complaint(
                        " ", null, null, null, "4.2.1", null, null, NOW, null, null, null, null, null, null));
        assertEquals("A complaint needs complaintId, productId", rejected.getMessage());
    }

    /** PmsComplaint's payload schema in contracts/asyncapi.yaml, inline or in the file it refers to. */
    private static JsonNode complaintSchema() throws IOException {
        Path contracts = RepositoryLayout.root().resolve("contracts");
        JsonNode schema = new YAMLMapper()
                .readTree(contracts.resolve("asyncapi.yaml").toFile())
                .at("/components/messages/PmsComplaint/payload/schema");
        return schema.has("$ref")
                ? new ObjectMapper()
                        .readTree(
                                contracts.resolve(schema.path("$ref").asText()).toFile())
                : schema;
    }

    /** Follows from the beginning on a background thread, collecting what the handler gets. */
    private List<ReceivedEvent> follow(String group) {
        PmsClient client = new PmsClient(kafka.bootstrapServers());
        clients.add(client);
        List<ReceivedEvent> received = Collections.synchronizedList(new ArrayList<>());
        followers.execute(() -> client.follow(group, true, received::add));
        return received;
    }

    private static void publish(String topic, String key, String id) {
        TestKafka.publishCloudEvent(
                kafka.bootstrapServers(), topic, key, id, "org.fieldsafety.Test.v1", "{\"name\":\"" + id + "\"}");
    }

    private static List<String> idsOf(List<ReceivedEvent> received, String key) {
        return idsOf(received, key, null);
    }

    /** The ids received for a key (and topic, unless null), in the order they were handed on. */
    private static List<String> idsOf(List<ReceivedEvent> received, String key, String topic) {
        synchronized (received) {
            return received.stream()
                    .filter(event -> key.equals(event.key()) && (topic == null || topic.equals(event.topic())))
                    .map(ReceivedEvent::id)
                    .collect(Collectors.toList());
        }
    }
}
