package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to an {@link FscaCase}: its event history is its audit trail. Class names are a stored
 * contract: rename only with an upcaster. Fields are only added (an event stored before a field existed
 * reads it as null, false or 0, which each field's documentation gives a meaning); a changed meaning needs a
 * new revision and an upcaster.
 */
public sealed interface FscaCaseEvent {

    String caseId();

    /**
     * {@code generation}: the case's place in its problem's line of cases (0 for the first); {@code
     * previousCaseId}: the closed case of the problem it follows, null for the first.
     */
    @Revision("1")
    record FscaCaseOpened(
            String caseId, String problemId, String productId, Instant openedAt, String previousCaseId, int generation)
            implements FscaCaseEvent {}

    /** What the registry says of the case's product, recorded when it first comes and whenever it changes. */
    @Revision("1")
    record ProductIdentified(String caseId, RegisteredProduct product) implements FscaCaseEvent {}

    /** The incident with its clocks as the case starts them (its 5-day report when the case has a trigger). */
    @Revision("1")
    record IncidentAttached(String caseId, Incident incident) implements FscaCaseEvent {}

    /** A trend episode of the case's problem (MDR Art. 88). */
    @Revision("1")
    record TrendSignalRecorded(String caseId, TrendSignal signal) implements FscaCaseEvent {}

    /**
     * A report triaged again with other reporting duties; the clocks still run from the first awareness.
     * {@code reclassifiedAt} null in events from before it was recorded.
     */
    @Revision("1")
    record IncidentReclassified(
            String caseId, String reportId, Instant awareAt, List<ReportingClock> clocks, Instant reclassifiedAt)
            implements FscaCaseEvent {}

    /** A follow-up report ({@code followUp}) brought new information on incident {@code reportId}. */
    @Revision("1")
    record IncidentFollowedUp(String caseId, String reportId, Incident followUp, List<ReportingClock> clocks)
            implements FscaCaseEvent {}

    /** A rule of the case changed an incident's clocks (the 5-day report of 21 CFR 803.53), for {@code reason}. */
    @Revision("1")
    record ReportingClocksChanged(
            String caseId, String reportId, List<ReportingClock> clocks, String reason, Instant changedAt)
            implements FscaCaseEvent {}

    /**
     * Regulatory affairs' signed decision on the clock of {@code regime} of incident {@code reportId} (null:
     * the case's own correction report), bound to the case version (21 CFR 11.70); {@code clock}: the clock as
     * decided, null in events from before it was recorded.
     */
    @Revision("1")
    record ReportabilityDecided(
            String caseId,
            String problemId,
            String productId,
            String reportId,
            String regime,
            String basis,
            ReportingClock.Decision decision,
            ReportingClock clock)
            implements FscaCaseEvent {}

    /** A report discharged the clock of {@code regime} of incident {@code reportId} (null: the case's own). */
    @Revision("1")
    record ReportSubmitted(String caseId, String reportId, String regime, ReportingClock.Submission submission)
            implements FscaCaseEvent {}

    /**
     * The authority rejected the report that discharged the clock of {@code regime} of incident {@code
     * reportId} (null: the case's own), for {@code reason}: the clock runs again, as {@code clock}.
     */
    @Revision("1")
    record ClockReopened(
            String caseId, String reportId, String regime, String reason, Instant reopenedAt, ReportingClock clock)
            implements FscaCaseEvent {}

    /** The FDA asked in writing for 5-day reports on the problem (21 CFR 803.53(b)). */
    @Revision("1")
    record FdaRequestRecorded(String caseId, FdaRequest request) implements FscaCaseEvent {}

    /**
     * {@code remedialActionNeeded}: remedial action is needed to prevent an unreasonable risk of substantial
     * harm to the public health (21 CFR 803.53(a)). {@code signature} (meaning REVIEW) and {@code
     * signedVersion} are absent from assessments made before they were signed.
     */
    @Revision("1")
    record HealthHazardAssessed(
            String caseId,
            String assessment,
            boolean urgent,
            Instant assessedAt,
            boolean remedialActionNeeded,
            Signature signature,
            long signedVersion)
            implements FscaCaseEvent {}

    /**
     * {@code signedVersion} binds the signature to the case version it was given on (21 CFR 11.70); {@code
     * review}: the decision confirms or revises the case's earlier one after news came.
     */
    @Revision("1")
    record FscaDecided(
            String caseId,
            String problemId,
            String productId,
            List<String> softwareItems,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            Signature signature,
            long signedVersion,
            boolean remedialActionNeeded,
            boolean review)
            implements FscaCaseEvent {}

    /**
     * {@code country}: whose authority was notified (null in events from before it was recorded); {@code
     * draftNoticeSent}: the draft of the case's next Field Safety Notice went with it (MDR Art. 89(8)).
     */
    @Revision("1")
    record AuthorityNotified(
            String caseId,
            String problemId,
            String productId,
            String competentAuthority,
            String reference,
            Instant notifiedAt,
            String country,
            boolean draftNoticeSent)
            implements FscaCaseEvent {}

    /** {@code signature}: the author's (meaning AUTHORSHIP); absent from notices issued before they were signed. */
    @Revision("1")
    record FieldSafetyNoticeIssued(
            String caseId,
            String problemId,
            String productId,
            FieldSafetyNotice notice,
            List<String> recipients,
            Signature signature)
            implements FscaCaseEvent {}

    /** The case's correction or removal report fell due with its first notice (21 CFR 806.10). */
    @Revision("1")
    record CorrectionReportDue(String caseId, ReportingClock clock) implements FscaCaseEvent {}

    /**
     * The case's FSCA is to be reported to the authorities it concerns (MDR Art. 87(1)(b), 87(8)), by
     * {@code dueAt}: when an FSCA was first decided required. Recorded with each decision that requires one,
     * so an authority a reviewed decision newly concerns is reported to as well.
     */
    @Revision("1")
    record FscaReportsDue(String caseId, Instant dueAt, List<Authorities.Authority> concerned)
            implements FscaCaseEvent {}

    /** {@code reference}: the notice acknowledged; null in events from before follow-up notices (the first). */
    @Revision("1")
    record AcknowledgementRecorded(String caseId, String recipient, Instant acknowledgedAt, String reference)
            implements FscaCaseEvent {}

    /**
     * {@code finalFailure}: delivery to this recipient failed after at least 3 attempts (MDR Art. 89); {@code
     * reference}: the notice, null in events from before follow-up notices (the first).
     */
    @Revision("1")
    record DeliveryFailed(
            String caseId,
            String recipient,
            String reason,
            int attempt,
            boolean finalFailure,
            Instant failedAt,
            String reference)
            implements FscaCaseEvent {}

    @Revision("1")
    record EffectivenessChecked(String caseId, EffectivenessOutcome outcome, String rationale, Instant checkedAt)
            implements FscaCaseEvent {}

    /** {@code signedVersion} binds the closing signature to the case version (21 CFR 11.70). */
    @Revision("1")
    record FscaCaseClosed(
            String caseId,
            String problemId,
            String productId,
            String rationale,
            Signature signature,
            long signedVersion)
            implements FscaCaseEvent {}
}
