package org.fieldsafety.eventstore.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.fieldsafety.platform.telemetry.Meter;

/**
 * How far each event processor is behind the event store, as the gauge {@link Meter#PROCESSOR_LAG} per
 * processing group: the head's global index minus the lowest position of the segments this instance
 * holds, refreshed every 10 seconds (one query for the head, whatever the scrapes). An instance that holds
 * none of a processor's segments reports no value (NaN); over several instances the largest value is the
 * processor's lag. A lag that stays above zero and does not shrink is a stalled processor: a segment
 * retrying an event its handler cannot take, or a processor that cannot keep up.
 */
@Startup
@Singleton
public class ProcessorLag {

    static final long NONE = Long.MIN_VALUE;

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final Map<String, AtomicLong> lags = new TreeMap<>();

    ProcessorLag(EventProcessingConfiguration processing, EventStore events, MeterRegistry metrics) {
        this.processing = processing;
        this.events = events;
        for (String group : processing.eventProcessors().keySet()) {
            AtomicLong lag = new AtomicLong(NONE);
            lags.put(group, lag);
            Gauge.builder(Meter.PROCESSOR_LAG.meterName(), lag, value -> value.get() == NONE ? Double.NaN : value.get())
                    .description(Meter.PROCESSOR_LAG.description())
                    .tag("processing_group", group)
                    .register(metrics);
        }
    }

    @Scheduled(
            every = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refresh();
    }

    /** Measures every processor's lag now; the lags by processing group, {@code null} for no segment held. */
    public Map<String, Long> refresh() {
        long head = position(events.createHeadToken());
        Map<String, Long> measured = new TreeMap<>();
        processing.eventProcessors().forEach((group, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && lags.containsKey(group)) {
                long lag = lag(head, streaming);
                lags.get(group).set(lag);
                measured.put(group, lag == NONE ? null : lag);
            }
        });
        return measured;
    }

    /** How many events {@code processor}'s segments held by this instance are behind {@code head}, as below. */
    static long lag(long head, StreamingEventProcessor processor) {
        return lag(
                head,
                processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .toList());
    }

    /**
     * Events between the head and the lowest position of the segments, never below zero; a segment that
     * has not started yet (no position) stands before the first event. Without segments, {@link #NONE}.
     */
    static long lag(long head, Collection<OptionalLong> segments) {
        if (segments.isEmpty()) {
            return NONE;
        }
        long lowest = segments.stream()
                .mapToLong(position -> position.orElse(-1))
                .min()
                .getAsLong();
        return Math.max(0, head - lowest);
    }

    /** A token's global index; -1 for none, an empty event store. */
    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
