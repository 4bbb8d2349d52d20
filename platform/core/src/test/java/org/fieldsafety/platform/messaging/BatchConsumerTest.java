package org.fieldsafety.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.platform.telemetry.LogContext;
import org.fieldsafety.platform.telemetry.Meter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one consumer shape on hand-made batches: what is dead-lettered, what is retried, what is processed. */
class BatchConsumerTest {

    private static final String TOPIC = "fieldsafety.things.v1";
    private static final String THING = "org.fieldsafety.Thing.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final DeadLetters deadLetters = new DeadLetters();
    private final List<List<Thing>> processed = new CopyOnWriteArrayList<>();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    record Thing(String name, Integer size) {}

    BatchConsumerTest() {
        Metrics.addRegistry(metrics);
    }

    @AfterEach
    void removeMetrics() {
        Metrics.removeRegistry(metrics);
    }

    /** Things only; a thing without a size cannot be processed. */
    private static Thing read(IncomingEvent event) {
        if (!event.is(THING)) {
            return null;
        }
        Thing thing = event.as(Thing.class, "Thing");
        if (thing.size() == null) {
            throw new Unprocessable("size is required");
        }
        return thing;
    }

    @Test
    void aRecordThatCannotBeReadGoesAloneToTheDeadLettersAndOtherTypesAreSkipped() {
        BatchConsumer<Thing> consumer = new BatchConsumer<>(deadLetters, BatchConsumerTest::read, this::record);
        Batch batch = new Batch(
                thing("a", "{\"name\":\"a\",\"size\":1,\"addedLater\":true}"),
                record("b", THING, "{not json"),
                record("c", "org.example.Other.v1", "not for this consumer"),
                thing("d", "{\"name\":\"d\"}"),
                thing("e", "{\"name\":\"e\",\"size\":2}"));

        consume(consumer, batch);

        assertEquals(List.of(List.of(new Thing("a", 1), new Thing("e", 2))), processed);
        assertEquals(List.of("b", "d"), deadLetters.keys());
        assertTrue(deadLetters.reason("b").startsWith("not a Thing JSON document"), deadLetters.reason("b"));
        assertEquals("size is required", deadLetters.reason("d"));
        assertEquals(TOPIC, deadLetters.header("d", "dead-letter-topic"));
        assertEquals("3", deadLetters.header("d", "dead-letter-offset"));
        assertEquals(THING, deadLetters.header("d", "ce_type"));
        assertEquals(
                2.0,
                metrics.get(Meter.KAFKA_DEAD_LETTERS.meterName())
                        .tag("topic", TOPIC)
                        .counter()
                        .count());
        assertEquals(
                1,
                metrics.get(Meter.KAFKA_BATCHES.meterName())
                        .tag("topic", TOPIC)
                        .timer()
                        .count());
        assertEquals(
                5.0,
                metrics.get(Meter.KAFKA_BATCH_RECORDS.meterName())
                        .tag("topic", TOPIC)
                        .counter()
                        .count());
        assertTrue(batch.acknowledged);
    }

    @Test
    void eachRecordIsReadWithItsCloudEventIdInTheLogContextWhichIsClearedAfterwards() {
        List<Map<String, String>> contexts = new CopyOnWriteArrayList<>();
        BatchConsumer<Thing> consumer = new BatchConsumer<>(
                deadLetters,
                event -> {
                    contexts.add(LogContext.current());
                    LogContext.put(LogContext.REPORT_ID, event.id());
                    return read(event);
                },
                this::record);

        consume(consumer, new Batch(thing("a", "{\"name\":\"a\",\"size\":1}"), thing("b", "{\"name\":\"b\"}")));

        assertEquals(List.of(Map.of(LogContext.CE_ID, "id-a"), Map.of(LogContext.CE_ID, "id-b")), contexts);
        assertEquals(Map.of(), LogContext.current());
    }

    @Test
    void aDatabaseThatIsDownHoldsTheBatchBackUntilItPassesAndNothingIsDeadLettered() {
        AtomicInteger attempts = new AtomicInteger();
        BatchConsumer<Thing> consumer = new BatchConsumer<>(deadLetters, BatchConsumerTest::read, things -> {
            if (attempts.incrementAndGet() < 4) {
                return Uni.createFrom().failure(new SQLException("connection refused", "08001"));
            }
            return record(things);
        });
        Batch batch = new Batch(thing("a", "{\"name\":\"a\",\"size\":1}"));

        consume(consumer, batch);

        assertEquals(4, attempts.get());
        assertEquals(List.of(List.of(new Thing("a", 1))), processed);
        assertEquals(List.of(), deadLetters.keys());
        assertTrue(batch.acknowledged);
    }

    @Test
    void workThatFailsForGoodRunsRecordByRecordAndOnlyTheFailingRecordIsDeadLettered() {
        BatchConsumer<Thing> consumer = new BatchConsumer<>(deadLetters, BatchConsumerTest::read, things -> {
            if (things.stream().anyMatch(thing -> thing.size() < 0)) {
                return Uni.createFrom().failure(new IllegalArgumentException("a size is never negative"));
            }
            return record(things);
        });
        Batch batch = new Batch(
                thing("a", "{\"name\":\"a\",\"size\":1}"),
                thing("b", "{\"name\":\"b\",\"size\":-1}"),
                thing("c", "{\"name\":\"c\",\"size\":3}"));

        consume(consumer, batch);

        assertEquals(List.of(List.of(new Thing("a", 1)), List.of(new Thing("c", 3))), processed);
        assertEquals(List.of("b"), deadLetters.keys());
        assertEquals("a size is never negative", deadLetters.reason("b"));
        assertTrue(batch.acknowledged);
    }

    @Test
    void aDeadLetterThatCannotBeSentYetIsSentOnceTheBrokerIsBack() {
        deadLetters.refusals.set(2);
        BatchConsumer<Thing> consumer = new BatchConsumer<>(deadLetters, BatchConsumerTest::read, this::record);
        Batch batch = new Batch(record("a", THING, "{not json"));

        consume(consumer, batch);

        assertEquals(List.of("a"), deadLetters.keys());
        assertTrue(batch.acknowledged);
    }

    private Uni<Void> record(List<Thing> things) {
        processed.add(things);
        return Uni.createFrom().voidItem();
    }

    private static void consume(BatchConsumer<Thing> consumer, Batch batch) {
        consumer.consume(batch.records).await().atMost(PATIENCE);
    }

    private static ConsumerRecord<String, String> thing(String key, String value) {
        return record(key, THING, value);
    }

    private static ConsumerRecord<String, String> record(String key, String type, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", ("id-" + key).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(
                TOPIC, 0, 0, 0, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    /** Records of one partition, at offsets 0, 1, 2, ... in the order given. */
    private static final class Batch {

        final KafkaRecordBatch<String, String> records;
        volatile boolean acknowledged;

        @SafeVarargs
        Batch(ConsumerRecord<String, String>... records) {
            List<ConsumerRecord<String, String>> placed = new ArrayList<>();
            for (int offset = 0; offset < records.length; offset++) {
                ConsumerRecord<String, String> r = records[offset];
                placed.add(new ConsumerRecord<>(
                        TOPIC,
                        0,
                        offset,
                        0,
                        TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        r.key(),
                        r.value(),
                        r.headers(),
                        Optional.empty()));
            }
            KafkaCommitHandler commits = new KafkaCommitHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                    acknowledged = true;
                    return Uni.createFrom().voidItem();
                }
            };
            this.records = new IncomingKafkaRecordBatch<>(
                    new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), placed)),
                    "things-in",
                    0,
                    commits,
                    null,
                    false,
                    false);
        }
    }

    /** The dead-letter channel: what was sent, by key; refuses the first sends it is told to, as a broker down. */
    private static final class DeadLetters implements MutinyEmitter<String> {

        final List<Message<? extends String>> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger refusals = new AtomicInteger();

        List<String> keys() {
            return sent.stream().map(DeadLetters::key).toList();
        }

        String reason(String key) {
            return header(key, "dead-letter-reason");
        }

        String header(String key, String name) {
            Headers headers = sent.stream()
                    .filter(letter -> key.equals(key(letter)))
                    .findFirst()
                    .orElseThrow()
                    .getMetadata(OutgoingKafkaRecordMetadata.class)
                    .orElseThrow()
                    .getHeaders();
            return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
        }

        private static String key(Message<? extends String> letter) {
            return (String) letter.getMetadata(OutgoingKafkaRecordMetadata.class)
                    .orElseThrow()
                    .getKey();
        }

        @Override
        public <M extends Message<? extends String>> Uni<Void> sendMessage(M message) {
            return Uni.createFrom().deferred(() -> {
                if (refusals.getAndDecrement() > 0) {
                    return Uni.createFrom().failure(new ConnectException("the broker is down"));
                }
                sent.add(message);
                return Uni.createFrom().voidItem();
            });
        }

        @Override
        public Uni<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sendAndAwait(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellable sendAndForget(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> void sendMessageAndAwait(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <M extends Message<? extends String>> Cancellable sendMessageAndForget(M message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void error(Exception e) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
