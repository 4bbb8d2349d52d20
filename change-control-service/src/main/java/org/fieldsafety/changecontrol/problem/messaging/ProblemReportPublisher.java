package org.fieldsafety.changecontrol.problem.messaging;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.changecontrol.Milestones;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.contracts.ProblemReportMilestone;
import org.fieldsafety.eventstore.FirstEvents;

/** Publishes every step of a problem report (IEC 62304 clause 9) with the status it led to ({@link Milestones}). */
@Singleton
@ProcessingGroup(Milestones.PROCESSING_GROUP)
public class ProblemReportPublisher {

    private final Milestones milestones;
    private final FirstEvents firstEvents;

    ProblemReportPublisher(Milestones milestones, FirstEvents firstEvents) {
        this.milestones = milestones;
        this.firstEvents = firstEvents;
    }

    /** The status is absent for a step that does not move the report ({@link ProblemReportStatus#movedTo}). */
    @EventHandler
    void on(ProblemReportEvent event, EventMessage<?> message) {
        ProblemReportEvent.ProblemReportOpened opened =
                (ProblemReportEvent.ProblemReportOpened) firstEvents.of(event.problemReportId());
        String milestone = event.getClass().getSimpleName();
        ProblemReportStatus status = ProblemReportStatus.movedTo(event);
        milestones.send(
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
}
