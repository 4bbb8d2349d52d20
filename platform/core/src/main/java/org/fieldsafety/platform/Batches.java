package org.fieldsafety.platform;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How the services' Kafka consumers settle a batch of records, the one way for all of them: the records
 * that cannot be read go alone to the dead letters (in batch mode the channel's dead-letter strategy
 * could only send the whole batch), then the batch's work runs, retried after a back-off until it passes,
 * and only then is the batch acknowledged. A database or broker that is down, restarting or slow holds
 * the batch back however long that lasts (Kafka keeps it), so reports acknowledged at intake never reach
 * the dead letters for it; only a failure that retrying cannot cure ({@link Failures#permanent}) nacks
 * the batch after a few attempts, to the channel's dead-letter strategy.
 */
public final class Batches {

    private static final Logger LOG = Logger.getLogger(Batches.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(5);
    /** Attempts after the first for a failure that cannot pass: a little patience for a misjudged one. */
    private static final int PERMANENT_RETRIES = 3;

    private Batches() {}

    /**
     * Sends one record of a batch to the dead letters, unchanged (key, headers, text value) plus the
     * headers the SmallRye dead-letter strategy writes: the reason and where the record was.
     *
     * @param record a record of a Kafka channel whose values are read as text
     */
    public static Uni<Void> deadLetter(MutinyEmitter<String> deadLetters, Message<String> record, String reason) {
        IncomingKafkaRecordMetadata<?, ?> origin = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a record from Kafka"));
        LOG.warnf(
                "Record %s-%d@%d dead-lettered: %s",
                origin.getTopic(), origin.getPartition(), origin.getOffset(), reason);
        RecordHeaders headers = new RecordHeaders(origin.getHeaders().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(origin.getTopic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(origin.getPartition())));
        headers.add("dead-letter-offset", bytes(Long.toString(origin.getOffset())));
        return deadLetters.sendMessage(Message.of(record.getPayload() == null ? "" : record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.builder()
                        .withKey(origin.getKey())
                        .withHeaders(headers)
                        .build()));
    }

    /**
     * Waits for the batch's dead letters, runs {@code work} (subscribed again for each attempt) and
     * acknowledges the batch, or nacks it when the work failed for good.
     */
    public static Uni<Void> settle(Message<?> batch, List<Uni<Void>> deadLettered, Uni<Void> work) {
        Uni<Void> letters = deadLettered.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLettered).andFailFast().replaceWithVoid();
        return letters.chain(() -> retried(work))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(failure, "A batch failed for good; nacking it");
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    /** Blocking work (Axon, JDBC) as the work of {@link #settle}: each attempt on a worker thread. */
    public static Uni<Void> blocking(Runnable work) {
        return Uni.createFrom().voidItem().invoke(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Uni<Void> retried(Uni<Void> work) {
        return work.onFailure(failure -> !Failures.permanent(failure))
                .invoke(failure -> LOG.warnf("A batch failed, retrying until it passes: %s", failure))
                .onFailure(failure -> !Failures.permanent(failure))
                .retry()
                .withBackOff(FIRST_BACK_OFF, LONGEST_BACK_OFF)
                .indefinitely()
                .onFailure()
                .retry()
                .withBackOff(FIRST_BACK_OFF, Duration.ofSeconds(1))
                .atMost(PERMANENT_RETRIES);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
