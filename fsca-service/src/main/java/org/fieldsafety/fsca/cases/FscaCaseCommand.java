package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of an {@link FscaCase}. */
public sealed interface FscaCaseCommand {

    String caseId();

    /**
     * Record what triage published about one problem, in the order it did, on one case of the problem,
     * opening the case first if there is none: FSCA candidates as incidents (a report already attached with
     * other reporting duties is reclassified, a follow-up report updates the incident it follows up) and trend
     * episodes as signals. One command for all of a consumed batch's news of the problem. A closed case takes
     * none of it: its handler answers the command that carries the news it does not know to the problem's
     * next case ({@link #next}), null when there is none.
     *
     * @param product the registry's facts of the product, null when it is not registered
     * @param previousCaseId the closed case this one follows, null for the problem's first case
     * @param generation the case's place in its problem's line (0 for the first, {@link FscaCases})
     * @param fdaRequests the FDA's written requests on the problem, which a following case carries on
     */
    record RecordTriage(
            @TargetAggregateIdentifier String caseId,
            String problemId,
            String productId,
            RegisteredProduct product,
            List<Incident> incidents,
            List<TrendSignal> trendSignals,
            Instant recordedAt,
            String previousCaseId,
            int generation,
            List<FdaRequest> fdaRequests)
            implements FscaCaseCommand {

        public RecordTriage {
            incidents = List.copyOf(incidents);
            trendSignals = List.copyOf(trendSignals);
            fdaRequests = List.copyOf(fdaRequests);
        }

        /** The news of a problem for its first case, where every delivery starts. */
        public static RecordTriage first(
                String problemId,
                String productId,
                RegisteredProduct product,
                List<Incident> incidents,
                List<TrendSignal> trendSignals,
                Instant recordedAt) {
            return new RecordTriage(
                    FscaCases.caseIdFor(problemId),
                    problemId,
                    productId,
                    product,
                    incidents,
                    trendSignals,
                    recordedAt,
                    null,
                    0,
                    List.of());
        }

        /**
         * These incidents and signals for the problem's case after {@code closed} (of {@code closedGeneration}),
         * carrying its FDA requests.
         */
        RecordTriage next(
                String closed,
                int closedGeneration,
                List<Incident> newIncidents,
                List<TrendSignal> newSignals,
                List<FdaRequest> requests) {
            return new RecordTriage(
                    FscaCases.caseIdFor(problemId, closedGeneration + 1),
                    problemId,
                    productId,
                    product,
                    newIncidents,
                    newSignals,
                    recordedAt,
                    closed,
                    closedGeneration + 1,
                    requests);
        }
    }

    /**
     * Record the health-hazard assessment that the decision rests on, signed as a review; {@code
     * remedialActionNeeded}: remedial action is needed to prevent an unreasonable risk of substantial harm to
     * the public health (21 CFR 803.53(a)).
     */
    record AssessHealthHazard(
            @TargetAggregateIdentifier String caseId,
            String assessment,
            boolean urgent,
            boolean remedialActionNeeded,
            Signature signature,
            Instant assessedAt)
            implements FscaCaseCommand {}

    /** Take the signed field-safety decision, or confirm or revise it after news came. */
    record DecideFsca(
            @TargetAggregateIdentifier String caseId,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            boolean remedialActionNeeded,
            Signature signature)
            implements FscaCaseCommand {}

    /**
     * Decide, signed, whether the clock of {@code regime} of incident {@code reportId} (null: the case's own
     * correction report) is reportable.
     */
    record DecideReportability(
            @TargetAggregateIdentifier String caseId,
            String reportId,
            String regime,
            Reportability decision,
            String rationale,
            Signature signature)
            implements FscaCaseCommand {}

    /**
     * A report discharged the clock of {@code regime} of incident {@code reportId} (null: the case's own): the
     * hook the vigilance reports' submission sends.
     */
    record RecordSubmission(
            @TargetAggregateIdentifier String caseId,
            String reportId,
            String regime,
            String reference,
            Instant submittedAt)
            implements FscaCaseCommand {}

    /**
     * Periodic summary report {@code summaryReportId} lists incident {@code reportId} (MDR Art. 87(9)): its
     * clock of {@code regime} is due with the summary, at {@code dueAt}.
     */
    record CoverByPeriodicSummary(
            @TargetAggregateIdentifier String caseId,
            String reportId,
            String regime,
            String summaryReportId,
            Instant dueAt,
            Instant coveredAt)
            implements FscaCaseCommand {}

    /**
     * The authority rejected the report that discharged the clock of {@code regime} of incident {@code
     * reportId} (null: the case's own), for {@code reason}: the clock runs again, to be discharged by a
     * resubmission.
     */
    record ReopenClock(
            @TargetAggregateIdentifier String caseId, String reportId, String regime, String reason, Instant reopenedAt)
            implements FscaCaseCommand {}

    /** The FDA asked in writing for 5-day reports on the problem (21 CFR 803.53(b)). */
    record RecordFdaRequest(@TargetAggregateIdentifier String caseId, FdaRequest request, Instant recordedAt)
            implements FscaCaseCommand {}

    /**
     * Record that the competent authority of {@code country} was notified of the FSCA at {@code notifiedAt}
     * (not after {@code recordedAt}), with the draft notice or not.
     */
    record NotifyAuthority(
            @TargetAggregateIdentifier String caseId,
            String country,
            String competentAuthority,
            String reference,
            Instant notifiedAt,
            boolean draftNoticeSent,
            Instant recordedAt)
            implements FscaCaseCommand {}

    /** Issue the case's next Field Safety Notice to its recipients, signed by its author. */
    record IssueFieldSafetyNotice(
            @TargetAggregateIdentifier String caseId,
            FieldSafetyNotice.Instructions instructions,
            List<String> recipients,
            String manufacturerSrn,
            Signature signature,
            Instant issuedAt)
            implements FscaCaseCommand {}

    /** {@code reference}: the notice acknowledged, null for the latest. */
    record RecordAcknowledgement(
            @TargetAggregateIdentifier String caseId, String reference, String recipient, Instant acknowledgedAt)
            implements FscaCaseCommand {}

    /** {@code reference}: the notice whose delivery failed, null for the latest. */
    record RecordDeliveryFailure(
            @TargetAggregateIdentifier String caseId,
            String reference,
            String recipient,
            String reason,
            Instant failedAt)
            implements FscaCaseCommand {}

    record CheckEffectiveness(
            @TargetAggregateIdentifier String caseId, EffectivenessOutcome outcome, String rationale, Instant checkedAt)
            implements FscaCaseCommand {}

    /** Close the case, signed. */
    record CloseCase(@TargetAggregateIdentifier String caseId, String rationale, Signature signature)
            implements FscaCaseCommand {}
}
