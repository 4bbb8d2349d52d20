package org.fieldsafety.triage.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.triage.result.TriageView;

/** Publishes triage results as ReportTriaged CloudEvents keyed by product; a result keeps its event id. */
@ApplicationScoped
public class TriagePublisher {

    static final URI SOURCE = URI.create("/triage-service");

    @Inject
    @Channel(Channels.TRIAGE_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<ReportTriaged> emitter;

    /** The CloudEvent id of a report's triage result: the same on every re-publication. */
    public static String eventId(String reportId) {
        return "triaged-" + reportId;
    }

    /** Completes when Kafka acknowledged every result. */
    public Uni<Void> publish(List<TriageView> views) {
        if (views.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(views.stream().map(this::publish).toList())
                .andFailFast()
                .replaceWithVoid();
    }

    private Uni<Void> publish(TriageView view) {
        return emitter.sendMessage(Message.of(view.toEvent())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId(view.reportId()))
                        .withType(ReportTriaged.TYPE)
                        .withSource(SOURCE)
                        .withSubject(view.productId())
                        .withDataContentType("application/json")
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(view.productId())
                        .build()));
    }
}
