package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to an {@link FscaCase}: its event history is its audit trail. Class names are a stored
 * contract: rename only with an upcaster.
 */
public sealed interface FscaCaseEvent {

    String caseId();

    @Revision("1")
    record FscaCaseOpened(String caseId, String problemId, String productId, Instant openedAt)
            implements FscaCaseEvent {}

    @Revision("1")
    record IncidentAttached(String caseId, Incident incident) implements FscaCaseEvent {}

    /** A trend episode of the case's problem (MDR Art. 88). */
    @Revision("1")
    record TrendSignalRecorded(String caseId, TrendSignal signal) implements FscaCaseEvent {}

    /** A report triaged again with other reporting duties; the clocks still run from the first awareness. */
    @Revision("1")
    record IncidentReclassified(String caseId, String reportId, Instant awareAt, List<Incident.ReportingClock> clocks)
            implements FscaCaseEvent {}

    @Revision("1")
    record HealthHazardAssessed(String caseId, String assessment, boolean urgent, Instant assessedAt)
            implements FscaCaseEvent {}

    /** {@code signedVersion} binds the signature to the case version it was given on (21 CFR 11.70). */
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
            long signedVersion)
            implements FscaCaseEvent {}

    @Revision("1")
    record AuthorityNotified(
            String caseId,
            String problemId,
            String productId,
            String competentAuthority,
            String reference,
            Instant notifiedAt)
            implements FscaCaseEvent {}

    @Revision("1")
    record FieldSafetyNoticeIssued(
            String caseId, String problemId, String productId, FieldSafetyNotice notice, List<String> recipients)
            implements FscaCaseEvent {}

    @Revision("1")
    record AcknowledgementRecorded(String caseId, String recipient, Instant acknowledgedAt) implements FscaCaseEvent {}

    /** {@code finalFailure}: delivery to this recipient failed after at least 3 attempts (MDR Art. 89). */
    @Revision("1")
    record DeliveryFailed(
            String caseId, String recipient, String reason, int attempt, boolean finalFailure, Instant failedAt)
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
