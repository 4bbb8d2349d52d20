package org.fieldsafety.fsca.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import java.net.URI;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;

/**
 * Publishes case milestones to Kafka with the event store as the outbox: the tracking processor's token
 * moves on only after Kafka acknowledged, and the CloudEvent id is the stored event's id, stable across
 * redelivery.
 */
@Singleton
@ProcessingGroup(FscaMilestonePublisher.PROCESSING_GROUP)
public class FscaMilestonePublisher {

    public static final String PROCESSING_GROUP = "fsca-milestones";
    private static final URI SOURCE = URI.create("/fsca-service");

    private final MutinyEmitter<FscaDecisionTaken> emitter;

    FscaMilestonePublisher(@Channel(Channels.FSCA_OUT) MutinyEmitter<FscaDecisionTaken> emitter) {
        this.emitter = emitter;
    }

    @EventHandler
    void on(FscaDecided event, EventMessage<?> message) {
        FscaDecisionTaken payload = new FscaDecisionTaken(
                event.caseId(),
                event.problemId(),
                event.productId(),
                event.softwareItems(),
                event.decision().name(),
                event.action() == null ? null : event.action().name(),
                event.rationale(),
                event.signature().signer(),
                event.signature().signedAt());
        emitter.sendMessageAndAwait(Message.of(payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.getIdentifier())
                        .withType(FscaDecisionTaken.TYPE)
                        .withSource(SOURCE)
                        .withSubject(event.caseId())
                        .withTimestamp(message.getTimestamp().atZone(java.time.ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.caseId())
                        .build()));
    }
}
