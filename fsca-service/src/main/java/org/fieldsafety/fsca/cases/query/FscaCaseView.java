package org.fieldsafety.fsca.cases.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.EffectivenessOutcome;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.platform.signature.Signature;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The read model of one FSCA case, kept by {@link FscaCaseProjection}. Its incidents are rows of their own
 * ({@link FscaCaseIncident}); the case keeps only what its queue shows of them, so that an incident's event
 * updates a few columns here (dynamic update: the details stay untouched) and never rewrites them all.
 */
@Entity
@DynamicUpdate
@Table(name = "fsca_case_view")
public class FscaCaseView extends VersionedView {

    @Id
    public String caseId;

    public String problemId;
    public String productId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public Instant openedAt;
    /** The earliest reporting deadline of any incident: the console's queue order. */
    public Instant nearestDeadline;
    /** The regime of that deadline, null with it. */
    public String nearestRegime;
    /** The legal basis of that deadline, e.g. {@code Art. 87(3)}; null with it. */
    public String nearestBasis;
    /** How many incidents the case holds, for the queue, which loads none of them. */
    public int incidentCount;

    /**
     * One JSON object: the reactive PostgreSQL client decodes a JSON column only as an object. Every
     * change replaces it with a changed copy; Hibernate compares it with a copy taken at load time, so it
     * writes the column only when that differs (an incident's event leaves it alone).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details = new Details();

    /** What the case holds beyond its keys; absent parts are null (or empty) until their step happens. */
    public static class Details {
        public List<TrendSignal> trendSignals = List.of();
        public Assessment assessment;
        public Decision decision;
        public List<AuthorityNotification> notifications = List.of();
        public Notice notice;
        public List<DeliveryFailure> deliveryFailures = List.of();
        public EffectivenessCheck effectiveness;
        public Closure closure;

        Details copy() {
            Details copy = new Details();
            copy.trendSignals = trendSignals;
            copy.assessment = assessment;
            copy.decision = decision;
            copy.notifications = notifications;
            copy.notice = notice;
            copy.deliveryFailures = deliveryFailures;
            copy.effectiveness = effectiveness;
            copy.closure = closure;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Details d
                    && Objects.equals(trendSignals, d.trendSignals)
                    && Objects.equals(assessment, d.assessment)
                    && Objects.equals(decision, d.decision)
                    && Objects.equals(notifications, d.notifications)
                    && Objects.equals(notice, d.notice)
                    && Objects.equals(deliveryFailures, d.deliveryFailures)
                    && Objects.equals(effectiveness, d.effectiveness)
                    && Objects.equals(closure, d.closure);
        }

        @Override
        public int hashCode() {
            return Objects.hash(
                    trendSignals,
                    assessment,
                    decision,
                    notifications,
                    notice,
                    deliveryFailures,
                    effectiveness,
                    closure);
        }
    }

    public record Assessment(String assessment, boolean urgent, Instant assessedAt) {}

    /** The signed decision as the case shows it. */
    public record Decision(
            FscaDecision decision, FscaAction action, String rationale, Signature signature, long signedVersion) {}

    public record AuthorityNotification(String competentAuthority, String reference, Instant notifiedAt) {}

    /** The issued FSN and who acknowledged its receipt. */
    public record Notice(FieldSafetyNotice notice, List<String> recipients, List<Acknowledgement> acknowledgements) {}

    public record Acknowledgement(String recipient, Instant acknowledgedAt) {}

    public record DeliveryFailure(
            String recipient, String reason, int attempt, boolean finalFailure, Instant failedAt) {}

    public record EffectivenessCheck(EffectivenessOutcome outcome, String rationale, Instant checkedAt) {}

    public record Closure(String rationale, Signature signature, long signedVersion) {}

    /** The reporting clock that runs out first, or null when no incident has one. */
    public Incident.ReportingClock nearestClock() {
        return nearestDeadline == null
                ? null
                : new Incident.ReportingClock(nearestRegime, nearestBasis, nearestDeadline);
    }

    /** Counts a new incident; its clock becomes the case's nearest when it runs out sooner. */
    void attached(Incident incident) {
        incidentCount++;
        Incident.ReportingClock clock = incident.nearestClock();
        if (clock != null && (nearestDeadline == null || clock.deadline().isBefore(nearestDeadline))) {
            nearest(clock);
        }
    }

    /** After a reclassification, which may move the nearest clock either way: the clock now nearest. */
    void nearest(Incident.ReportingClock clock) {
        nearestDeadline = clock == null ? null : clock.deadline();
        nearestRegime = clock == null ? null : clock.regime();
        nearestBasis = clock == null ? null : clock.basis();
    }

    void trendSignalled(TrendSignal signal) {
        change(d -> d.trendSignals = append(d.trendSignals, signal));
    }

    void assess(Assessment assessment) {
        change(d -> d.assessment = assessment);
    }

    void decide(Decision decision) {
        change(d -> d.decision = decision);
    }

    void notified(AuthorityNotification notification) {
        change(d -> d.notifications = append(d.notifications, notification));
    }

    void issued(FieldSafetyNotice notice, List<String> recipients) {
        change(d -> d.notice = new Notice(notice, recipients, List.of()));
    }

    void acknowledged(Acknowledgement acknowledgement) {
        change(d -> d.notice = new Notice(
                d.notice.notice(), d.notice.recipients(), append(d.notice.acknowledgements(), acknowledgement)));
    }

    void deliveryFailed(DeliveryFailure failure) {
        change(d -> d.deliveryFailures = append(d.deliveryFailures, failure));
    }

    void checked(EffectivenessCheck check) {
        change(d -> d.effectiveness = check);
    }

    void closed(Closure closure) {
        change(d -> d.closure = closure);
    }

    private void change(Consumer<Details> change) {
        Details next = details.copy();
        change.accept(next);
        details = next;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> appended = new ArrayList<>(list);
        appended.add(item);
        return List.copyOf(appended);
    }
}
