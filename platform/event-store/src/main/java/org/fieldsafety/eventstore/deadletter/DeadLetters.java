package org.fieldsafety.eventstore.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.telemetry.Meter;

/**
 * The events parked by each processing group ({@link ParkingPolicy}): counted as the gauge {@value #GAUGE}
 * per processing group, listed with their reasons, and replayed once their cause is fixed. A replay applies
 * each parked aggregate's events in their order; one that fails again stays parked with its new reason, and
 * so do its aggregate's later events. Blocking (JDBC).
 */
@Startup
@Singleton
public class DeadLetters {

    /** {@code fieldsafety_dead_letters{processing_group="..."}} in Prometheus' terms. */
    static final String GAUGE = Meter.PARKED_EVENTS.meterName();

    /** The most parked events a listing shows of one processing group. */
    static final int LISTED = 1000;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing, MeterRegistry metrics) {
        this.processing = processing;
        for (String group : processingGroups()) {
            Gauge.builder(GAUGE, () -> queue(group).size())
                    .description(Meter.PARKED_EVENTS.description())
                    .tag("processing_group", group)
                    .register(metrics);
        }
    }

    /** A processing group and how many events it has parked. */
    public record Group(String processingGroup, long parked) {}

    /** One parked event, the first of its aggregate's to be replayed first, and why it was parked. */
    public record Parked(
            String eventId,
            String type,
            String aggregateId,
            Long sequence,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String cause) {}

    /** What a replay did: the aggregates whose parked events all applied, and how many events stay parked. */
    public record Replay(String processingGroup, int applied, long parked) {}

    public List<Group> groups() {
        return processingGroups().stream()
                .map(group -> new Group(group, queue(group).size()))
                .toList();
    }

    /** The group's parked events by aggregate, each aggregate's in order; at most {@value #LISTED}. */
    public List<Parked> parked(String group) {
        List<Parked> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                queue(group).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (parked.size() == LISTED) {
                    return parked;
                }
                parked.add(parked(letter));
            }
        }
        return parked;
    }

    /** Applies the group's parked events again, each aggregate's in order. */
    public Replay replay(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFound("Processing group " + group));
        List<String> firstOfEach = new ArrayList<>();
        queue(group)
                .deadLetters()
                .forEach(sequence ->
                        firstOfEach.add(sequence.iterator().next().message().getIdentifier()));
        int applied = 0;
        for (String first : firstOfEach) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(first))) {
                applied++;
            }
        }
        return new Replay(group, applied, queue(group).size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NotFound("Processing group " + group));
    }

    /** The processing groups: one processor each, named after it. */
    private List<String> processingGroups() {
        return List.copyOf(new TreeSet<>(processing.eventProcessors().keySet()));
    }

    private static Parked parked(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain : null;
        return new Parked(
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                event == null ? null : event.getAggregateIdentifier(),
                event == null ? null : event.getSequenceNumber(),
                letter.enqueuedAt(),
                letter.lastTouched(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null));
    }
}
