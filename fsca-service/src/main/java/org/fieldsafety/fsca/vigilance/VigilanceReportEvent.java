package org.fieldsafety.fsca.vigilance;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to a {@link VigilanceReport}: its event history is its audit trail. Class names are a
 * stored contract (rename only with an upcaster); fields are only added.
 */
public sealed interface VigilanceReportEvent {

    String reportId();

    /** The report was drafted for {@code duty}, or drafted again (the duty changed, or it runs again). */
    @Revision("1")
    record DraftGenerated(String reportId, ReportingDuty duty, Instant generatedAt) implements VigilanceReportEvent {}

    /** The periodic summary report of {@code period} lists {@code incident} (MDR Art. 87(9)). */
    @Revision("1")
    record IncidentListed(String reportId, SummaryPeriod period, SummaryPeriod.Listed incident, Instant listedAt)
            implements VigilanceReportEvent {}

    @Revision("1")
    record DraftWithdrawn(String reportId, ReportingDuty duty, String reason, Instant withdrawnAt)
            implements VigilanceReportEvent {}

    @Revision("1")
    record DraftCompleted(String reportId, DraftContent content, Instant completedAt) implements VigilanceReportEvent {}

    /**
     * The report as submitted, frozen: the document, its submission file's name and SHA-256 (which the audit
     * chain thereby holds), and whether it went after its due time; {@code signedVersion} binds the approval
     * to the report version it was given on (21 CFR 11.70).
     */
    @Revision("1")
    record VigilanceReportSubmitted(
            String reportId,
            ReportingDuty duty,
            String reference,
            Instant submittedAt,
            boolean late,
            VigilanceReportDocument document,
            String fileName,
            String sha256,
            Signature signature,
            long signedVersion)
            implements VigilanceReportEvent {}

    @Revision("1")
    record VigilanceReportAcknowledged(
            String reportId, ReportingDuty duty, String authorityReference, Instant acknowledgedAt)
            implements VigilanceReportEvent {}

    @Revision("1")
    record VigilanceReportRejected(String reportId, ReportingDuty duty, String reason, Instant rejectedAt)
            implements VigilanceReportEvent {}
}
