package org.fieldsafety.platform.messaging;

import io.micrometer.core.instrument.Metrics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.platform.telemetry.LogContext;
import org.fieldsafety.platform.telemetry.Meter;
import org.jboss.logging.Logger;

/**
 * The one shape of every Kafka consumer of the services, whatever its topic's volume: the channel hands
 * over its records in batches ({@code batch=true}), and each batch is settled the same way.
 *
 * <ol>
 *   <li>Each record is read once, by the consumer's {@link Reader}: its CloudEvent type decides whether
 *       the consumer takes it at all (a tolerant reader skips the others), its value is parsed by the one
 *       parser ({@link IncomingEvent#as}) and checked. A record that cannot be read goes alone to the dead
 *       letters, with the reason; the rest of the batch goes on.
 *   <li>The records read go through the consumer's {@link Work} together, again after a back-off (100 ms
 *       doubling to 5 s) for as long as it fails with a failure that passes ({@link Failures}: a database
 *       or broker that is down, restarting or slow). Kafka keeps the batch meanwhile, so a record
 *       acknowledged upstream never reaches the dead letters for an outage.
 *   <li>Work that fails for good (a record that reads but breaks a rule, or data the database refuses)
 *       runs again one record at a time, so that only the record that fails goes to the dead letters, with
 *       the failure as the reason.
 *   <li>The batch is acknowledged once each of its records is processed or dead-lettered; until then a
 *       crash redelivers it, so the work must be idempotent.
 * </ol>
 *
 * A dead letter keeps the record's key, headers and text value and adds the headers SmallRye's
 * dead-letter strategy writes: the reason and where the record was. Every record sent to the dead letters
 * counts in {@link Meter#KAFKA_DEAD_LETTERS} under the topic it came from, a nacked batch's records too (the
 * channel's dead-letter strategy takes those). Every batch settled counts in {@link Meter#KAFKA_BATCHES} with
 * the time it took and in {@link Meter#KAFKA_BATCH_RECORDS} with its records: as a consumer takes one batch at
 * a time, the timer's sum per second is the share of the time it is busy. All in Micrometer's global
 * registry, which Quarkus fills. A record is read with its {@code ce_id} in the logging context ({@link
 * LogContext}), where the reader may add the report or case it names; a dead letter's log line carries that
 * context.
 *
 * @param <T> what the reader makes of a record
 */
public final class BatchConsumer<T> {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(5);
    /** Attempts after the first for a failure that cannot pass: a little patience for a misjudged one. */
    private static final int PERMANENT_RETRIES = 3;

    /** Reads one record: null when the record is not for this consumer. */
    @FunctionalInterface
    public interface Reader<T> {

        /** @throws Unprocessable naming what is wrong with the record: the dead-letter reason */
        T read(IncomingEvent event);
    }

    /** Processes what the reader made of a batch's records, in their order; subscribed once per attempt. */
    @FunctionalInterface
    public interface Work<T> {

        Uni<Void> run(List<T> read);

        /** Blocking work (Axon, JDBC): each attempt on a worker thread. */
        static <T> Work<T> blocking(Consumer<List<T>> work) {
            return read -> Uni.createFrom()
                    .voidItem()
                    .invoke(() -> work.accept(read))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
    }

    private final MutinyEmitter<String> deadLetters;
    private final Reader<T> reader;
    private final Work<T> work;

    /** @param deadLetters the channel of the consumed topic's {@code .dlq}, whose values are text */
    public BatchConsumer(MutinyEmitter<String> deadLetters, Reader<T> reader, Work<T> work) {
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.work = work;
    }

    /**
     * Settles one batch of a channel whose values are read as text; every attempt at the work runs on the
     * Vert.x context the batch arrived on (Hibernate Reactive needs one), or hops from there to a worker.
     */
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        long delivered = System.nanoTime();
        Executor context = context();
        List<Uni<Void>> unreadable = new ArrayList<>();
        List<Read<T>> read = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            IncomingEvent event = IncomingEvent.of(record);
            LogContext.clear();
            LogContext.put(LogContext.CE_ID, event.id());
            try {
                T value = reader.read(event);
                if (value != null) {
                    read.add(new Read<>(record, value, LogContext.current()));
                }
            } catch (RuntimeException e) {
                // reading touches nothing but the record: no retry can change its outcome
                unreadable.add(deadLetter(context, record, LogContext.current(), Failures.reason(e)));
            }
        }
        LogContext.clear();
        Uni<Void> lettersSent = unreadable.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(unreadable).andFailFast().replaceWithVoid();
        return lettersSent
                .chain(() -> process(context, read))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(failure, "A batch could not be settled; nacking it");
                    batch.getRecords().forEach(record -> countDeadLetter(record.getTopic()));
                    return Uni.createFrom().completionStage(batch.nack(failure));
                })
                .eventually(() -> countBatch(batch, System.nanoTime() - delivered));
    }

    /** A record with what the reader made of it and the logging context it was read in. */
    private record Read<T>(Message<String> record, T value, Map<String, String> logContext) {}

    /** The work on {@code records}; when it fails for good, on each of them alone. */
    private Uni<Void> process(Executor context, List<Read<T>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<T> values = records.stream().map(Read::value).toList();
        return retried(context, () -> work.run(values)).onFailure().recoverWithUni(failure -> {
            if (records.size() == 1) {
                Read<T> only = records.get(0);
                return deadLetter(context, only.record(), only.logContext(), Failures.reason(failure));
            }
            LOG.warnf(
                    "A batch of %d records failed for good (%s); processing them one by one", records.size(), failure);
            Uni<Void> oneByOne = Uni.createFrom().voidItem();
            for (Read<T> record : records) {
                oneByOne = oneByOne.chain(() -> process(context, List.of(record)));
            }
            return oneByOne;
        });
    }

    /**
     * Sends one record to the dead letters, unchanged (key, headers, text value) plus the headers the
     * SmallRye dead-letter strategy writes: the reason and where the record was.
     */
    private Uni<Void> deadLetter(
            Executor context, Message<String> record, Map<String, String> logContext, String reason) {
        IncomingKafkaRecordMetadata<?, ?> origin = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a record from Kafka"));
        LogContext.with(
                logContext,
                () -> LOG.warnf(
                        "Record %s-%d@%d dead-lettered: %s",
                        origin.getTopic(), origin.getPartition(), origin.getOffset(), reason));
        RecordHeaders headers = new RecordHeaders(origin.getHeaders().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(origin.getTopic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(origin.getPartition())));
        headers.add("dead-letter-offset", bytes(Long.toString(origin.getOffset())));
        Message<String> letter = Message.of(record.getPayload() == null ? "" : record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.builder()
                        .withKey(origin.getKey())
                        .withHeaders(headers)
                        .build());
        return retried(context, () -> deadLetters.sendMessage(letter)).invoke(() -> countDeadLetter(origin.getTopic()));
    }

    /**
     * {@code attempt}, subscribed on the context again after a back-off for as long as it fails with a
     * failure that passes, and a few times more for one that does not.
     */
    private static Uni<Void> retried(Executor context, Supplier<Uni<? extends Void>> attempt) {
        return Uni.createFrom()
                .<Void>deferred(attempt)
                .runSubscriptionOn(context)
                .onFailure(failure -> !Failures.permanent(failure))
                .invoke(failure -> LOG.warnf("Consuming failed, retrying until it passes: %s", failure))
                .onFailure(failure -> !Failures.permanent(failure))
                .retry()
                .withBackOff(FIRST_BACK_OFF, LONGEST_BACK_OFF)
                .indefinitely()
                .onFailure()
                .retry()
                .withBackOff(FIRST_BACK_OFF, Duration.ofSeconds(1))
                .atMost(PERMANENT_RETRIES);
    }

    /** The caller's Vert.x context as an executor, or the calling thread outside one (unit tests). */
    private static Executor context() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** The batch's records and the time it took to settle them, under the topic they came from. */
    private static void countBatch(KafkaRecordBatch<String, String> batch, long nanos) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        if (records.isEmpty()) {
            return;
        }
        String topic = records.get(0).getTopic();
        Metrics.timer(Meter.KAFKA_BATCHES.meterName(), "topic", topic).record(nanos, TimeUnit.NANOSECONDS);
        Metrics.counter(Meter.KAFKA_BATCH_RECORDS.meterName(), "topic", topic).increment(records.size());
    }

    private static void countDeadLetter(String topic) {
        Metrics.counter(Meter.KAFKA_DEAD_LETTERS.meterName(), "topic", topic).increment();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
