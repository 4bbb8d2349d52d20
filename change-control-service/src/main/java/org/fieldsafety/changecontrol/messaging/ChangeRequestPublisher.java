package org.fieldsafety.changecontrol.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.contracts.ChangeRequestRaised;

/**
 * Publishes change request milestones to Kafka with the event store as the outbox: the tracking
 * processor's token moves on only after Kafka acknowledged, and the CloudEvent id is the stored event's
 * id, stable across redelivery.
 */
@Singleton
@ProcessingGroup(ChangeRequestPublisher.PROCESSING_GROUP)
public class ChangeRequestPublisher {

    public static final String PROCESSING_GROUP = "change-control-milestones";
    private static final URI SOURCE = URI.create("/change-control-service");

    private final MutinyEmitter<ChangeRequestRaised> emitter;

    ChangeRequestPublisher(@Channel(Channels.CHANGE_CONTROL_OUT) MutinyEmitter<ChangeRequestRaised> emitter) {
        this.emitter = emitter;
    }

    @EventHandler
    void on(ChangeRequestEvent.ChangeRequestRaised event, EventMessage<?> message) {
        ChangeRequestRaised payload = new ChangeRequestRaised(
                event.changeRequestId(),
                event.title(),
                event.reason(),
                event.productId(),
                event.softwareItems(),
                event.problemReportId(),
                event.problemId(),
                event.fscaCaseId(),
                event.requestedBy(),
                event.raisedAt());
        emitter.sendMessageAndAwait(Message.of(payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.getIdentifier())
                        .withType(ChangeRequestRaised.TYPE)
                        .withSource(SOURCE)
                        .withSubject(event.productId())
                        .withTimestamp(message.getTimestamp().atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.productId())
                        .build()));
    }
}
