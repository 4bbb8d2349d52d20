package org.fieldsafety.fsca.cases.messaging;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.contracts.AuthorityNotified;
import org.fieldsafety.contracts.FieldSafetyNoticeIssued;
import org.fieldsafety.contracts.FscaCaseClosed;
import org.fieldsafety.contracts.FscaCaseOpened;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.contracts.ReportabilityDecided;
import org.fieldsafety.eventstore.OutboxMessages;
import org.fieldsafety.fsca.Channels;
import org.fieldsafety.fsca.cases.FscaCaseEvent;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.OutgoingChannels;

/**
 * Publishes case milestones (opened, reportability decided, decided or reviewed, authority notified, FSN
 * issued, closed) to Kafka with the event store as the outbox: the tracking processor's token moves on only after Kafka acknowledged, and
 * the CloudEvent id is the stored event's id, stable across redelivery.
 */
@Singleton
@ProcessingGroup(FscaMilestonePublisher.PROCESSING_GROUP)
public class FscaMilestonePublisher {

    public static final String PROCESSING_GROUP = "fsca-milestones";
    private final CloudEvents events;

    FscaMilestonePublisher(OutgoingChannels channels) {
        this.events = channels.events(Channels.FSCA_OUT, "/fsca-service");
    }

    @EventHandler
    void on(FscaCaseEvent.FscaCaseOpened event, EventMessage<?> message) {
        publish(
                event,
                message,
                FscaCaseOpened.TYPE,
                new FscaCaseOpened(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.openedAt(),
                        event.previousCaseId()));
    }

    @EventHandler
    void on(FscaCaseEvent.ReportabilityDecided event, EventMessage<?> message) {
        publish(
                event,
                message,
                ReportabilityDecided.TYPE,
                new ReportabilityDecided(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.reportId(),
                        event.regime(),
                        event.basis(),
                        event.decision().decision().name(),
                        event.decision().rationale(),
                        event.decision().signature().signer(),
                        event.decision().signature().signedAt()));
    }

    @EventHandler
    void on(FscaCaseEvent.FscaDecided event, EventMessage<?> message) {
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
                        event.signature().signedAt(),
                        event.review()));
    }

    @EventHandler
    void on(FscaCaseEvent.AuthorityNotified event, EventMessage<?> message) {
        publish(
                event,
                message,
                AuthorityNotified.TYPE,
                new AuthorityNotified(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.competentAuthority(),
                        event.reference(),
                        event.notifiedAt(),
                        event.country(),
                        event.draftNoticeSent()));
    }

    @EventHandler
    void on(FscaCaseEvent.FieldSafetyNoticeIssued event, EventMessage<?> message) {
        publish(
                event,
                message,
                FieldSafetyNoticeIssued.TYPE,
                new FieldSafetyNoticeIssued(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.notice().reference(),
                        event.notice().affectedSoftware(),
                        event.recipients().size(),
                        message.getTimestamp(),
                        event.notice().number()));
    }

    @EventHandler
    void on(FscaCaseEvent.FscaCaseClosed event, EventMessage<?> message) {
        publish(
                event,
                message,
                FscaCaseClosed.TYPE,
                new FscaCaseClosed(
                        event.caseId(),
                        event.problemId(),
                        event.productId(),
                        event.signature().signer(),
                        event.signature().signedAt()));
    }

    /** As {@link OutboxMessages} makes it: the stored event's id, time and trace. */
    private void publish(FscaCaseEvent event, EventMessage<?> message, String type, Object payload) {
        OutboxMessages.publish(events, type, event.caseId(), message, payload);
    }
}
