package org.fieldsafety.triage.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.triage.result.ReportTriage;

/**
 * Publishes a batch's events on {@link org.fieldsafety.contracts.Topics#TRIAGE} as CloudEvents keyed by
 * product: ProblemDetected, then ReportTriaged, then TrendSignalRaised. Every event keeps its id on
 * re-publication, so consumers deduplicate by ce_id.
 */
@ApplicationScoped
public class TriagePublisher {

    static final URI SOURCE = URI.create("/triage-service");

    @Inject
    @Channel(Channels.TRIAGE_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<Object> emitter;

    /** The CloudEvent id of a report's triage result: the same on every re-publication. */
    public static String eventId(String reportId) {
        return "triaged-" + reportId;
    }

    /** Completes when Kafka acknowledged every event. */
    public Uni<Void> publish(ReportTriage.Outcome outcome) {
        List<Uni<Void>> sends = new ArrayList<>();
        outcome.problems()
                .detected()
                .forEach(problem -> sends.add(send(
                        problem.eventId(), ProblemDetected.TYPE, problem.event().productId(), problem.event())));
        outcome.results()
                .forEach(view -> sends.add(
                        send(eventId(view.reportId()), ReportTriaged.TYPE, view.productId(), view.toEvent())));
        outcome.problems()
                .signals()
                .forEach(signal -> sends.add(send(
                        signal.eventId(), TrendSignalRaised.TYPE, signal.event().productId(), signal.event())));
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(String id, String type, String productId, Object event) {
        return emitter.sendMessage(Message.of(event)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(id)
                        .withType(type)
                        .withSource(SOURCE)
                        .withSubject(productId)
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(productId)
                        .build()));
    }
}
