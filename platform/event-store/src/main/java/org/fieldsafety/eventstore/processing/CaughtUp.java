package org.fieldsafety.eventstore.processing;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.fieldsafety.platform.time.Waiting;

/**
 * Waits a moment, at most 5 s, until read models have applied every event stored so
 * far: a read model follows the event store a moment later (its processor tracks the store), and a page that
 * answers a person's step should show that step. Only the segments this instance holds are waited for.
 */
@Singleton
public class CaughtUp {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    CaughtUp(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** Whether the processors of {@code groups} applied every event stored before the call, in time. */
    public boolean await(Collection<String> groups) {
        long head = ProcessorLag.position(events.createHeadToken());
        return Waiting.until(() -> groups.stream().allMatch(group -> applied(group, head)), PATIENCE, PAUSE);
    }

    private boolean applied(String group, long head) {
        return processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> ProcessorLag.lag(head, processor) <= 0)
                .orElse(true);
    }
}
