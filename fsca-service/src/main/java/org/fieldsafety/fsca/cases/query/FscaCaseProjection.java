package org.fieldsafety.fsca.cases.query;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.function.BiFunction;
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
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps {@link FscaCaseView} and its {@link FscaCaseIncident} rows from the case events (see {@link
 * Projections}).
 */
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
            view.status = CaseStatus.after(null, event);
            view.openedAt = event.openedAt();
            return view;
        });
    }

    /** One new row; the case row only counts it and may take its clock as the nearest. */
    @EventHandler
    void on(IncidentAttached event, @SequenceNumber long sequence) {
        updateWithIncidents(event, sequence, (session, view) -> {
            view.attached(event.incident());
            return session.persist(FscaCaseIncident.of(event.caseId(), sequence, event.incident()));
        });
    }

    /**
     * The one row changes; the case's nearest clock may move later as well as earlier, so it is taken again
     * from the rows, the changed one flushed first (an index on the case's deadlines finds it without
     * reading the others).
     */
    @EventHandler
    void on(IncidentReclassified event, @SequenceNumber long sequence) {
        updateWithIncidents(event, sequence, (session, view) -> session.find(
                        FscaCaseIncident.class, new FscaCaseIncident.Key(event.caseId(), event.reportId()))
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("no incident " + event.reportId() + " to reclassify"))
                .invoke(row -> row.reclassify(event.clocks()))
                .call(session::flush)
                .chain(() -> FscaCaseIncident.nearest(event.caseId()))
                .invoke(nearest -> view.nearest(nearest == null ? null : nearest.incident.nearestClock()))
                .replaceWithVoid());
    }

    @EventHandler
    void on(TrendSignalRecorded event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.trendSignalled(event.signal()));
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

    /** A step after the opening: the status it led to ({@link CaseStatus#after}) and what {@code change} records. */
    private static void update(FscaCaseEvent event, long sequence, Consumer<FscaCaseView> change) {
        Projections.update(FscaCaseView.class, event.caseId(), sequence, view -> {
            view.status = CaseStatus.after(view.status, event);
            change.accept(view);
        });
    }

    private static void updateWithIncidents(
            FscaCaseEvent event, long sequence, BiFunction<Mutiny.Session, FscaCaseView, Uni<Void>> change) {
        Projections.update(FscaCaseView.class, event.caseId(), sequence, change);
    }
}
