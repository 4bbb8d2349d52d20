package org.fieldsafety.fsca.vigilance;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of a {@link VigilanceReport}. */
public sealed interface VigilanceReportCommand {

    String reportId();

    /** A running clock asks for this report: draft it (again), idempotently. */
    record GenerateDraft(@TargetAggregateIdentifier String reportId, ReportingDuty duty, Instant generatedAt)
            implements VigilanceReportCommand {}

    /**
     * Periodic summary report {@code reportId} (drafted for {@code duty} by its first incident) lists {@code
     * incident}, of the period {@code period}, idempotently.
     */
    record ListInPeriodicSummary(
            @TargetAggregateIdentifier String reportId,
            ReportingDuty duty,
            SummaryPeriod period,
            SummaryPeriod.Listed incident,
            Instant listedAt)
            implements VigilanceReportCommand {}

    /** The duty ended without this report (signed not reportable, or another kind of report took over). */
    record WithdrawDraft(@TargetAggregateIdentifier String reportId, String reason, Instant withdrawnAt)
            implements VigilanceReportCommand {}

    /** Regulatory affairs' narrative, codes and investigation. */
    record CompleteDraft(@TargetAggregateIdentifier String reportId, DraftContent content, Instant completedAt)
            implements VigilanceReportCommand {}

    /**
     * The report went to its authority as {@code document}, whose submission file {@code fileName} has the
     * SHA-256 {@code sha256}, approved with {@code signature}; {@code recordedAt}: now. {@code basedOnVersion}:
     * the version of the report the document was composed from (its read model's).
     */
    record SubmitReport(
            @TargetAggregateIdentifier String reportId,
            long basedOnVersion,
            String reference,
            Instant submittedAt,
            VigilanceReportDocument document,
            String fileName,
            String sha256,
            Signature signature,
            Instant recordedAt)
            implements VigilanceReportCommand {}

    /** The authority's answer: accepted with its reference, or rejected with the reason. */
    record AcknowledgeReport(
            @TargetAggregateIdentifier String reportId,
            boolean accepted,
            String authorityReference,
            String reason,
            Instant acknowledgedAt)
            implements VigilanceReportCommand {}
}
