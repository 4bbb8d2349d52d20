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
import java.util.function.UnaryOperator;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.EffectivenessOutcome;
import org.fieldsafety.fsca.cases.FdaRequest;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.RegisteredProduct;
import org.fieldsafety.fsca.cases.ReportingClock;
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
    /** The problem's closed case this one follows; null for the problem's first case. */
    public String previousCaseId;
    /** News (an incident, a follow-up, a trend signal) came after the decision, which awaits its review. */
    public boolean decisionReviewRequired;
    /** The earliest deadline of a running clock, of an incident or the case's own: the console's queue order. */
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
        public RegisteredProduct product;
        public List<TrendSignal> trendSignals = List.of();
        public Assessment assessment;
        public Decision decision;
        public List<FdaRequest> fdaRequests = List.of();
        public List<AuthorityNotification> notifications = List.of();
        public List<Notice> notices = List.of();
        public List<DeliveryFailure> deliveryFailures = List.of();
        /** The case's own clock, the correction or removal report (21 CFR 806.10), once its first notice is out. */
        public ReportingClock correctionClock;

        public EffectivenessCheck effectiveness;
        public Closure closure;

        Details copy() {
            Details copy = new Details();
            copy.product = product;
            copy.trendSignals = trendSignals;
            copy.assessment = assessment;
            copy.decision = decision;
            copy.fdaRequests = fdaRequests;
            copy.notifications = notifications;
            copy.notices = notices;
            copy.deliveryFailures = deliveryFailures;
            copy.correctionClock = correctionClock;
            copy.effectiveness = effectiveness;
            copy.closure = closure;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Details d
                    && Objects.equals(product, d.product)
                    && Objects.equals(trendSignals, d.trendSignals)
                    && Objects.equals(assessment, d.assessment)
                    && Objects.equals(decision, d.decision)
                    && Objects.equals(fdaRequests, d.fdaRequests)
                    && Objects.equals(notifications, d.notifications)
                    && Objects.equals(notices, d.notices)
                    && Objects.equals(deliveryFailures, d.deliveryFailures)
                    && Objects.equals(correctionClock, d.correctionClock)
                    && Objects.equals(effectiveness, d.effectiveness)
                    && Objects.equals(closure, d.closure);
        }

        @Override
        public int hashCode() {
            return Objects.hash(
                    product,
                    trendSignals,
                    assessment,
                    decision,
                    fdaRequests,
                    notifications,
                    notices,
                    deliveryFailures,
                    correctionClock,
                    effectiveness,
                    closure);
        }
    }

    /**
     * The signed health-hazard assessment (unsigned in cases assessed before assessments were signed); {@code
     * remedialActionNeeded}: 21 CFR 803.53(a).
     */
    public record Assessment(
            String assessment,
            boolean urgent,
            Instant assessedAt,
            boolean remedialActionNeeded,
            Signature signature,
            long signedVersion) {}

    /** The signed decision as the case shows it; {@code review}: it confirms or revises an earlier one. */
    public record Decision(
            FscaDecision decision,
            FscaAction action,
            String rationale,
            Signature signature,
            long signedVersion,
            boolean remedialActionNeeded,
            boolean review) {}

    /** {@code country} null for notifications recorded before it was. */
    public record AuthorityNotification(
            String competentAuthority, String reference, Instant notifiedAt, String country, boolean draftNoticeSent) {}

    /** An issued FSN, its author's signature and who acknowledged its receipt. */
    public record Notice(
            FieldSafetyNotice notice,
            List<String> recipients,
            List<Acknowledgement> acknowledgements,
            Signature signature) {}

    public record Acknowledgement(String recipient, Instant acknowledgedAt) {}

    /** {@code reference}: the notice, null for failures recorded before follow-up notices (the first). */
    public record DeliveryFailure(
            String recipient, String reason, int attempt, boolean finalFailure, Instant failedAt, String reference) {}

    public record EffectivenessCheck(EffectivenessOutcome outcome, String rationale, Instant checkedAt) {}

    public record Closure(String rationale, Signature signature, long signedVersion) {}

    /** The running clock that runs out first, or null when none runs. */
    public ReportingClock nearestClock() {
        return nearestDeadline == null ? null : ReportingClock.proposed(nearestRegime, nearestBasis, nearestDeadline);
    }

    /** Counts a new incident; its clock becomes the case's nearest when it runs out sooner; news for a review. */
    void attached(Incident incident) {
        incidentCount++;
        sooner(incident.nearestClock());
        news();
    }

    /** News after the decision asks for its review (MDR Art. 89). */
    void news() {
        decisionReviewRequired |= details.decision != null;
    }

    /** {@code clock} as the nearest when it runs and runs out sooner. */
    void sooner(ReportingClock clock) {
        if (clock != null
                && clock.running()
                && (nearestDeadline == null || clock.deadline().isBefore(nearestDeadline))) {
            nearest(clock);
        }
    }

    /** After a clock changed, which may move the nearest either way: the clock now nearest. */
    void nearest(ReportingClock clock) {
        nearestDeadline = clock == null ? null : clock.deadline();
        nearestRegime = clock == null ? null : clock.regime();
        nearestBasis = clock == null ? null : clock.basis();
    }

    void identified(RegisteredProduct product) {
        change(d -> d.product = product);
    }

    void trendSignalled(TrendSignal signal) {
        change(d -> d.trendSignals = append(d.trendSignals, signal));
        news();
    }

    void assess(Assessment assessment) {
        change(d -> d.assessment = assessment);
    }

    void decide(Decision decision) {
        change(d -> d.decision = decision);
        decisionReviewRequired = false;
    }

    void requested(FdaRequest request) {
        change(d -> d.fdaRequests = append(d.fdaRequests, request));
    }

    void notified(AuthorityNotification notification) {
        change(d -> d.notifications = append(d.notifications, notification));
    }

    void issued(Notice notice) {
        change(d -> d.notices = append(d.notices, notice));
    }

    /** The correction report's clock, started or changed. */
    void correction(UnaryOperator<ReportingClock> change) {
        change(d -> d.correctionClock = change.apply(d.correctionClock));
    }

    /** Receipt of notice {@code reference} (null: the first) acknowledged. */
    void acknowledged(String reference, Acknowledgement acknowledgement) {
        change(d -> d.notices = d.notices.stream()
                .map(n -> reference == null && n == d.notices.get(0)
                                || n.notice().reference().equals(reference)
                        ? new Notice(
                                n.notice(),
                                n.recipients(),
                                append(n.acknowledgements(), acknowledgement),
                                n.signature())
                        : n)
                .toList());
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
