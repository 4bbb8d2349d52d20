package org.fieldsafety.fsca.cases.query;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.eventstore.readmodel.Projections;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaCaseEvent;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ClockReopened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.CorrectionReportDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FdaRequestRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaReportsDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentFollowedUp;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ProductIdentified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportSubmitted;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportabilityDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportingClocksChanged;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps {@link FscaCaseView} and its {@link FscaCaseIncident} rows from the case events (see {@link
 * Projections}), changing incidents with {@link Incident}'s functions and clocks with the {@link ReportingClock}
 * functions the aggregate uses too.
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
            view.previousCaseId = event.previousCaseId();
            return view;
        });
    }

    @EventHandler
    void on(ProductIdentified event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.identified(event.product()));
    }

    /** One new row; the case row only counts it and may take its clock as the nearest. */
    @EventHandler
    void on(IncidentAttached event, @SequenceNumber long sequence) {
        updateWithIncidents(event, sequence, (session, view) -> {
            view.attached(event.incident());
            return session.persist(FscaCaseIncident.of(event.caseId(), sequence, event.incident()));
        });
    }

    @EventHandler
    void on(IncidentReclassified event, @SequenceNumber long sequence) {
        changeIncident(
                event,
                sequence,
                event.reportId(),
                incident -> incident.withClocks(event.clocks(), "triaged again", event.reclassifiedAt()));
    }

    /** New information on an incident: news for the decision's review. */
    @EventHandler
    void on(IncidentFollowedUp event, @SequenceNumber long sequence) {
        updateWithIncidents(event, sequence, (session, view) -> {
            view.news();
            return changedIncident(
                    session, view, event.reportId(), incident -> incident.followedUp(event.followUp(), event.clocks()));
        });
    }

    @EventHandler
    void on(ReportingClocksChanged event, @SequenceNumber long sequence) {
        changeIncident(
                event,
                sequence,
                event.reportId(),
                incident -> incident.withClocks(event.clocks(), event.reason(), event.changedAt()));
    }

    @EventHandler
    void on(ReportabilityDecided event, @SequenceNumber long sequence) {
        ReportingClock.Decision decided = event.decision();
        changeClock(
                event,
                sequence,
                event.reportId(),
                event.regime(),
                clock -> clock.decided(decided),
                "decided " + decided.decision(),
                decided.signature().signedAt());
    }

    @EventHandler
    void on(ReportSubmitted event, @SequenceNumber long sequence) {
        changeClock(
                event,
                sequence,
                event.reportId(),
                event.regime(),
                clock -> clock.submitted(event.submission()),
                "submitted",
                event.submission().submittedAt());
    }

    @EventHandler
    void on(ClockReopened event, @SequenceNumber long sequence) {
        changeClock(
                event,
                sequence,
                event.reportId(),
                event.regime(),
                ReportingClock::reopened,
                ReportingClock.Change.REJECTED + ": " + event.reason(),
                event.reopenedAt());
    }

    @EventHandler
    void on(TrendSignalRecorded event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.trendSignalled(event.signal()));
    }

    @EventHandler
    void on(FdaRequestRecorded event, @SequenceNumber long sequence) {
        update(event, sequence, view -> view.requested(event.request()));
    }

    @EventHandler
    void on(HealthHazardAssessed event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.assess(new FscaCaseView.Assessment(
                        event.assessment(),
                        event.urgent(),
                        event.assessedAt(),
                        event.remedialActionNeeded(),
                        event.signature(),
                        event.signedVersion())));
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
                        event.signedVersion(),
                        event.remedialActionNeeded(),
                        event.review())));
    }

    @EventHandler
    void on(AuthorityNotified event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.notified(new FscaCaseView.AuthorityNotification(
                        event.competentAuthority(),
                        event.reference(),
                        event.notifiedAt(),
                        event.country(),
                        event.draftNoticeSent())));
    }

    @EventHandler
    void on(FieldSafetyNoticeIssued event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.issued(
                        new FscaCaseView.Notice(event.notice(), event.recipients(), List.of(), event.signature())));
    }

    @EventHandler
    void on(CorrectionReportDue event, @SequenceNumber long sequence) {
        update(event, sequence, view -> {
            view.correction(none -> event.clock());
            view.sooner(event.clock());
        });
    }

    /** The FSCA reports are the vigilance slice's: the view only moves on to the case's version. */
    @EventHandler
    void on(FscaReportsDue event, @SequenceNumber long sequence) {
        update(event, sequence, view -> {});
    }

    @EventHandler
    void on(AcknowledgementRecorded event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.acknowledged(
                        event.reference(),
                        new FscaCaseView.Acknowledgement(event.recipient(), event.acknowledgedAt())));
    }

    @EventHandler
    void on(DeliveryFailed event, @SequenceNumber long sequence) {
        update(
                event,
                sequence,
                view -> view.deliveryFailed(new FscaCaseView.DeliveryFailure(
                        event.recipient(),
                        event.reason(),
                        event.attempt(),
                        event.finalFailure(),
                        event.failedAt(),
                        event.reference())));
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

    /** A clock of an incident, or (no report id) the case's own correction report, changed. */
    private static void changeClock(
            FscaCaseEvent event,
            long sequence,
            String reportId,
            String regime,
            UnaryOperator<ReportingClock> change,
            String reason,
            Instant at) {
        if (reportId == null) {
            updateWithIncidents(event, sequence, (session, view) -> {
                view.correction(change);
                return nearestAgain(session, view);
            });
        } else {
            changeIncident(event, sequence, reportId, incident -> incident.withClock(regime, change, reason, at));
        }
    }

    /**
     * The one incident row changes; the case's nearest clock may move later as well as earlier, so it is taken
     * again from the rows, the changed one flushed first (an index on the case's deadlines finds it without
     * reading the others).
     */
    private static void changeIncident(
            FscaCaseEvent event, long sequence, String reportId, UnaryOperator<Incident> change) {
        updateWithIncidents(event, sequence, (session, view) -> changedIncident(session, view, reportId, change));
    }

    private static Uni<Void> changedIncident(
            Mutiny.Session session, FscaCaseView view, String reportId, UnaryOperator<Incident> change) {
        return session.find(FscaCaseIncident.class, new FscaCaseIncident.Key(view.caseId, reportId))
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("no incident " + reportId + " to change"))
                .invoke(row -> row.update(change))
                .chain(() -> nearestAgain(session, view));
    }

    /** The case's nearest running clock from its incident rows and its own correction report. */
    private static Uni<Void> nearestAgain(Mutiny.Session session, FscaCaseView view) {
        return session.flush()
                .chain(() -> FscaCaseIncident.nearest(view.caseId))
                .invoke(nearest -> {
                    view.nearest(nearest == null ? null : nearest.incident.nearestClock());
                    view.sooner(view.details.correctionClock);
                })
                .replaceWithVoid();
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
