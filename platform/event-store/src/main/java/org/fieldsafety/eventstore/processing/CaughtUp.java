package org.fieldsafety.eventstore.processing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits a moment, at most {@value #PATIENCE_MILLIS} ms, until read models have applied every event stored so
 * far: a read model follows the event store a moment later (its processor tracks the store), and a page that
 * answers a person's step should show that step. Only the segments this instance holds are waited for.
 */
@Singleton
public class CaughtUp {

    static final long PATIENCE_MILLIS = 5000;
    private static final long PAUSE_MILLIS = 20;

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    CaughtUp(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** Whether the processors of {@code groups} applied every event stored before the call, in time. */
    public boolean await(Collection<String> groups) {
        long head = ProcessorLag.position(events.createHeadToken());
        Instant deadline = Instant.now().plus(Duration.ofMillis(PATIENCE_MILLIS));
        while (!groups.stream().allMatch(group -> applied(group, head))) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean applied(String group, long head) {
        return processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.orElse(-1) >= head))
                .orElse(true);
    }
}
