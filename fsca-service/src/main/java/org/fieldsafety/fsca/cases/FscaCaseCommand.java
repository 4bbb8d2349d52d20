package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of an {@link FscaCase}. */
public sealed interface FscaCaseCommand {

    String caseId();

    /**
     * Record what triage published about one problem, in the order it did, on the problem's case, opening
     * the case first if there is none: FSCA candidates as incidents (a report already attached with other
     * reporting duties is reclassified) and trend episodes as signals. One command for all of a consumed
     * batch's news of the case.
     */
    record RecordTriage(
            @TargetAggregateIdentifier String caseId,
            String problemId,
            String productId,
            List<Incident> incidents,
            List<TrendSignal> trendSignals,
            Instant recordedAt)
            implements FscaCaseCommand {

        public RecordTriage {
            incidents = List.copyOf(incidents);
            trendSignals = List.copyOf(trendSignals);
        }
    }

    /** Record the health-hazard assessment that the decision rests on. */
    record AssessHealthHazard(
            @TargetAggregateIdentifier String caseId, String assessment, boolean urgent, Instant assessedAt)
            implements FscaCaseCommand {}

    /** Take the signed field-safety decision. */
    record DecideFsca(
            @TargetAggregateIdentifier String caseId,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            Signature signature)
            implements FscaCaseCommand {}

    /** Record that a competent authority was notified of the FSCA. */
    record NotifyAuthority(
            @TargetAggregateIdentifier String caseId, String competentAuthority, String reference, Instant notifiedAt)
            implements FscaCaseCommand {}

    /** Issue the Field Safety Notice to its recipients. */
    record IssueFieldSafetyNotice(
            @TargetAggregateIdentifier String caseId,
            FieldSafetyNotice.Instructions instructions,
            List<String> recipients,
            Instant issuedAt)
            implements FscaCaseCommand {}

    record RecordAcknowledgement(@TargetAggregateIdentifier String caseId, String recipient, Instant acknowledgedAt)
            implements FscaCaseCommand {}

    record RecordDeliveryFailure(
            @TargetAggregateIdentifier String caseId, String recipient, String reason, Instant failedAt)
            implements FscaCaseCommand {}

    record CheckEffectiveness(
            @TargetAggregateIdentifier String caseId, EffectivenessOutcome outcome, String rationale, Instant checkedAt)
            implements FscaCaseCommand {}

    /** Close the case, signed. */
    record CloseCase(@TargetAggregateIdentifier String caseId, String rationale, Signature signature)
            implements FscaCaseCommand {}
}
