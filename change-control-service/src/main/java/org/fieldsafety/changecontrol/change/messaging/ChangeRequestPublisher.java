package org.fieldsafety.changecontrol.change.messaging;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.changecontrol.Milestones;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.fieldsafety.contracts.ChangeRequestRaised;
import org.fieldsafety.eventstore.FirstEvents;

/** Publishes a change request's raising and each later step ({@link Milestones}). */
@Singleton
@ProcessingGroup(Milestones.PROCESSING_GROUP)
public class ChangeRequestPublisher {

    private final Milestones milestones;
    private final FirstEvents firstEvents;

    ChangeRequestPublisher(Milestones milestones, FirstEvents firstEvents) {
        this.milestones = milestones;
        this.firstEvents = firstEvents;
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
        milestones.send(ChangeRequestRaised.TYPE, event.productId(), message, payload);
    }

    /**
     * Every later step of a change request (IEC 62304 6.2, 6.3, 8.2), with the status it led to; Axon calls
     * the most specific handler only, so the raising is published above with the contract's payload.
     */
    @EventHandler
    void on(ChangeRequestEvent event, EventMessage<?> message) {
        ChangeRequestEvent.ChangeRequestRaised raised =
                (ChangeRequestEvent.ChangeRequestRaised) firstEvents.of(event.changeRequestId());
        String milestone = event.getClass().getSimpleName();
        milestones.send(
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
}
