package org.fieldsafety.changecontrol.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.fieldsafety.contracts.ChangeRequestRaised;
import org.fieldsafety.contracts.ProblemReportMilestone;
import org.fieldsafety.platform.messaging.CloudEvents;

/**
 * Publishes change request and problem report milestones to Kafka with the event store as the outbox:
 * the tracking processor's token moves on only after Kafka acknowledged, and the CloudEvent id is the
 * stored event's id, stable across redelivery. Every milestone is keyed by product; a later event does
 * not carry the product, so it is read from the aggregate's first event.
 */
@Singleton
@ProcessingGroup(ChangeRequestPublisher.PROCESSING_GROUP)
public class ChangeRequestPublisher {

    public static final String PROCESSING_GROUP = "change-control-milestones";
    private static final CloudEvents EVENTS = CloudEvents.from("/change-control-service");

    private final MutinyEmitter<Object> emitter;
    /** Looked up when used: the event store is built with the handlers that include this one. */
    private final Instance<EventStore> eventStore;

    ChangeRequestPublisher(
            @Channel(Channels.CHANGE_CONTROL_OUT) MutinyEmitter<Object> emitter, Instance<EventStore> eventStore) {
        this.emitter = emitter;
        this.eventStore = eventStore;
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
        send(ChangeRequestRaised.TYPE, event.productId(), message, payload);
    }

    /**
     * Every later step of a change request (IEC 62304 6.2, 6.3, 8.2), with the status it led to; Axon calls
     * the most specific handler only, so the raising is published above with the contract's payload.
     */
    @EventHandler
    void on(ChangeRequestEvent event, EventMessage<?> message) {
        ChangeRequestEvent.ChangeRequestRaised raised =
                (ChangeRequestEvent.ChangeRequestRaised) firstEvent(event.changeRequestId());
        String milestone = event.getClass().getSimpleName();
        send(
                ChangeRequestMilestone.type(milestone),
                raised.productId(),
                message,
                new ChangeRequestMilestone(
                        event.changeRequestId(),
                        raised.productId(),
                        raised.problemId(),
                        raised.fscaCaseId(),
                        milestone,
                        ChangeRequestStatus.after(event).name(),
                        message.getTimestamp()));
    }

    /** Every step of a problem report (IEC 62304 clause 9), with the status it led to. */
    @EventHandler
    void on(ProblemReportEvent event, EventMessage<?> message) {
        ProblemReportEvent.ProblemReportOpened opened =
                (ProblemReportEvent.ProblemReportOpened) firstEvent(event.problemReportId());
        String milestone = event.getClass().getSimpleName();
        ProblemReportStatus status = ProblemReportStatus.movedTo(event);
        send(
                ProblemReportMilestone.type(milestone),
                opened.productId(),
                message,
                new ProblemReportMilestone(
                        event.problemReportId(),
                        opened.problemId(),
                        opened.productId(),
                        milestone,
                        status == null ? null : status.name(),
                        message.getTimestamp()));
    }

    private Object firstEvent(String aggregateId) {
        return eventStore.get().readEvents(aggregateId).next().getPayload();
    }

    /** The stored event's id and time: the same whenever the tracking processor replays it. */
    private void send(String type, String productId, EventMessage<?> message, Object payload) {
        emitter.sendMessageAndAwait(
                EVENTS.message(type, message.getIdentifier(), productId, message.getTimestamp(), payload));
    }
}
