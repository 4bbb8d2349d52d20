package org.fieldsafety.changecontrol.problem.query;

import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ChangeRequestsLinked;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.NoActionDecided;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.PartiesAdvised;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemInvestigated;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportClosed;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportOpened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportReopened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ResolutionVerified;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.eventstore.readmodel.Projections;

/** Keeps {@link ProblemReportView} from the problem report events (see {@link Projections}). */
@Singleton
@ProcessingGroup(ProblemReportProjection.PROCESSING_GROUP)
public class ProblemReportProjection {

    public static final String PROCESSING_GROUP = "problem-report-view";

    @EventHandler
    void on(ProblemReportOpened event, @SequenceNumber long sequence) {
        Projections.insert(ProblemReportView.class, event.problemReportId(), sequence, () -> {
            ProblemReportView view = new ProblemReportView();
            view.id = event.problemReportId();
            view.problemId = event.problemId();
            view.productId = event.productId();
            view.softwareItem = event.softwareItem();
            view.softwareVersion = event.softwareVersion();
            view.faultCode = event.faultCode();
            view.description = event.description();
            view.criticality = event.criticality();
            view.status = ProblemReportStatus.after(null, event);
            view.openedBy = event.openedBy();
            view.openedAt = event.openedAt();
            return view;
        });
    }

    @EventHandler
    void on(ProblemInvestigated event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.investigation = event.investigation());
    }

    @EventHandler
    void on(ChangeRequestsLinked event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.links = view.links.withChangeRequests(event.changeRequestIds()));
    }

    @EventHandler
    void on(NoActionDecided event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.noActionRationale = event.rationale());
    }

    @EventHandler
    void on(PartiesAdvised event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.links = view.links.withParties(event.parties()));
    }

    @EventHandler
    void on(ResolutionVerified event, @SequenceNumber long sequence) {
        update(event, sequence, view -> {
            view.resolutionVerification = event.verification();
            view.noRecurrence = event.noRecurrence();
        });
    }

    @EventHandler
    void on(ProblemReportClosed event, @SequenceNumber long sequence) {
        update(event, sequence, view -> {
            view.closedBy = event.closedBy();
            view.closedAt = event.closedAt();
            view.noRecurrence = event.noRecurrence();
        });
    }

    @EventHandler
    void on(ProblemReportReopened event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.links = view.links.withReopening(
                        new ProblemReportView.Reopening(event.reportId(), event.reopenedAt())));
    }

    /** A later step: the status it led to ({@link ProblemReportStatus#after}) and what {@code change} records. */
    private static void update(ProblemReportEvent event, long sequence, Consumer<ProblemReportView> change) {
        Projections.update(ProblemReportView.class, event.problemReportId(), sequence, view -> {
            view.status = ProblemReportStatus.after(view.status, event);
            change.accept(view);
        });
    }
}
