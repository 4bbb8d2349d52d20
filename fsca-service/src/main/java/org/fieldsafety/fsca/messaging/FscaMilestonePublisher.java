package org.fieldsafety.fsca.messaging;

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
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.fsca.cases.FscaCaseEvent;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;

/**
 * Publishes case milestones (opened, decided, authority notified, FSN issued, closed) to Kafka with the
 * event store as the outbox: the tracking processor's token moves on only after Kafka acknowledged, and
 * the CloudEvent id is the stored event's id, stable across redelivery.
 */
@Singleton
@ProcessingGroup(FscaMilestonePublisher.PROCESSING_GROUP)
public class FscaMilestonePublisher {

    public static final String PROCESSING_GROUP = "fsca-milestones";
    private static final URI SOURCE = URI.create("/fsca-service");

    private final MutinyEmitter<Object> emitter;

    FscaMilestonePublisher(@Channel(Channels.FSCA_OUT) MutinyEmitter<Object> emitter) {
        this.emitter = emitter;
    }

    @EventHandler
    void on(FscaCaseOpened event, EventMessage<?> message) {
        publish(
                event,
                message,
                CaseMilestones.FscaCaseOpened.TYPE,
                new CaseMilestones.FscaCaseOpened(
                        event.caseId(), event.problemId(), event.productId(), event.openedAt()));
    }

    @EventHandler
    void on(FscaDecided event, EventMessage<?> message) {
        publish(
                event,
                message,
                FscaDecisionTaken.TYPE,
                new FscaDecisionTaken(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.softwareItems(),
                        event.decision().name(),
                        event.action() == null ? null : event.action().name(),
                        event.rationale(),
                        event.signature().signer(),
                        event.signature().signedAt()));
    }

    @EventHandler
    void on(AuthorityNotified event, EventMessage<?> message) {
        publish(
                event,
                message,
                CaseMilestones.AuthorityNotified.TYPE,
                new CaseMilestones.AuthorityNotified(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.competentAuthority(),
                        event.reference(),
                        event.notifiedAt()));
    }

    @EventHandler
    void on(FieldSafetyNoticeIssued event, EventMessage<?> message) {
        publish(
                event,
                message,
                CaseMilestones.FieldSafetyNoticeIssued.TYPE,
                new CaseMilestones.FieldSafetyNoticeIssued(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.notice().reference(),
                        event.notice().affectedSoftware(),
                        event.recipients().size(),
                        message.getTimestamp()));
    }

    @EventHandler
    void on(FscaCaseClosed event, EventMessage<?> message) {
        publish(
                event,
                message,
                CaseMilestones.FscaCaseClosed.TYPE,
                new CaseMilestones.FscaCaseClosed(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.signature().signer(),
                        event.signature().signedAt()));
    }

    private void publish(FscaCaseEvent event, EventMessage<?> message, String type, Object payload) {
        emitter.sendMessageAndAwait(Message.of(payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.getIdentifier())
                        .withType(type)
                        .withSource(SOURCE)
                        .withSubject(event.caseId())
                        .withTimestamp(message.getTimestamp().atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.caseId())
                        .build()));
    }
}
