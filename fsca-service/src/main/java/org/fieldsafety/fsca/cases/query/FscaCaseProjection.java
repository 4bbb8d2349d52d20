package org.fieldsafety.fsca.cases.query;

import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.eventstore.readmodel.Projections;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaCaseEvent;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;

/** Keeps {@link FscaCaseView} from the case events (see {@link Projections}). */
@Singleton
@ProcessingGroup(FscaCaseProjection.PROCESSING_GROUP)
public class FscaCaseProjection {

    public static final String PROCESSING_GROUP = "fsca-case-view";

    @EventHandler
    void on(FscaCaseOpened event, @SequenceNumber long sequence) {
        Projections.insert(FscaCaseView.class, event.caseId(), sequence, () -> {
            FscaCaseView view = new FscaCaseView();
            view.caseId = event.caseId();
            view.problemId = event.problemId();
            view.productId = event.productId();
            view.status = CaseStatus.OPEN;
            view.openedAt = event.openedAt();
            return view;
        });
    }

    @EventHandler
    void on(IncidentAttached event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.attach(event.incident()));
    }

    @EventHandler
    void on(IncidentReclassified event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.reclassify(event.reportId(), event.clocks()));
    }

    @EventHandler
    void on(HealthHazardAssessed event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.assess(
                        new FscaCaseView.Assessment(event.assessment(), event.urgent(), event.assessedAt())));
    }

    @EventHandler
    void on(FscaDecided event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.decide(new FscaCaseView.Decision(
                        event.decision(),
                        event.action(),
                        event.rationale(),
                        event.signature(),
                        event.signedVersion())));
    }

    @EventHandler
    void on(AuthorityNotified event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.notified(new FscaCaseView.AuthorityNotification(
                        event.competentAuthority(), event.reference(), event.notifiedAt())));
    }

    @EventHandler
    void on(FieldSafetyNoticeIssued event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.issued(event.notice(), event.recipients()));
    }

    @EventHandler
    void on(AcknowledgementRecorded event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.acknowledged(new FscaCaseView.Acknowledgement(event.recipient(), event.acknowledgedAt())));
    }

    @EventHandler
    void on(DeliveryFailed event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.deliveryFailed(new FscaCaseView.DeliveryFailure(
                        event.recipient(), event.reason(), event.attempt(), event.finalFailure(), event.failedAt())));
    }

    @EventHandler
    void on(EffectivenessChecked event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.checked(
                        new FscaCaseView.EffectivenessCheck(event.outcome(), event.rationale(), event.checkedAt())));
    }

    @EventHandler
    void on(FscaCaseClosed event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.closed(
                        new FscaCaseView.Closure(event.rationale(), event.signature(), event.signedVersion())));
    }

    private static void update(FscaCaseEvent event, long sequence, Consumer<FscaCaseView> change) {
        Projections.update(FscaCaseView.class, event.caseId(), sequence, change);
    }
}
