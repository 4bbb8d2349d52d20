package org.fieldsafety.changecontrol.change.query;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeCommunicated;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeReleased;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestClosed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeVerified;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysisReopened;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.eventstore.readmodel.Projections;

/** Keeps {@link ChangeRequestView} from the change request events (see {@link Projections}). */
@Singleton
@ProcessingGroup(ChangeRequestProjection.PROCESSING_GROUP)
public class ChangeRequestProjection {

    public static final String PROCESSING_GROUP = "change-request-view";

    @EventHandler
    void on(ChangeRequestRaised event, @SequenceNumber long sequence) {
        Projections.insert(ChangeRequestView.class, event.changeRequestId(), sequence, () -> {
            ChangeRequestView view = new ChangeRequestView();
            view.id = event.changeRequestId();
            view.title = event.title();
            view.reason = event.reason();
            view.productId = event.productId();
            view.problemReportId = event.problemReportId();
            view.problemId = event.problemId();
            view.fscaCaseId = event.fscaCaseId();
            view.status = ChangeRequestStatus.after(event);
            view.requestedBy = event.requestedBy();
            view.raisedAt = event.raisedAt();
            view.details = new ChangeRequestView.Details(
                    event.softwareItems(), null, null, null, List.of(), null, null, null, null);
            return view;
        });
    }

    @EventHandler
    void on(ImpactAnalysed event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.analysed(event.analysis()));
    }

    @EventHandler
    void on(ChangeApproved event, @SequenceNumber long sequence) {
        step(
                event,
                sequence,
                view -> view.approved(new ChangeRequestView.Approval(event.signature(), event.signedVersion())));
    }

    @EventHandler
    void on(ChangeImplemented event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.implemented(event.implementation()));
    }

    @EventHandler
    void on(ImpactAnalysisReopened event, @SequenceNumber long sequence) {
        step(event, sequence, view -> {});
    }

    @EventHandler
    void on(ChangeVerified event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.verified(event.verification()));
    }

    @EventHandler
    void on(ChangeReleased event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.released(event.release()));
    }

    @EventHandler
    void on(ChangeCommunicated event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.communicated(event.communication()));
    }

    @EventHandler
    void on(ChangeRequestClosed event, @SequenceNumber long sequence) {
        step(event, sequence, view -> view.closed(event.closure()));
    }

    /** A later step: the status it led to ({@link ChangeRequestStatus#after}) and what {@code change} records. */
    private static void step(ChangeRequestEvent event, long sequence, Consumer<ChangeRequestView> change) {
        Projections.update(ChangeRequestView.class, event.changeRequestId(), sequence, view -> {
            view.status = ChangeRequestStatus.after(event);
            change.accept(view);
        });
    }
}
