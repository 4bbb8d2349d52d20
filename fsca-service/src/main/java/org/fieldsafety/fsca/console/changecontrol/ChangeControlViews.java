package org.fieldsafety.fsca.console.changecontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fieldsafety.platform.signature.Signature;

/**
 * Change control's records as its API answers them (docs/api.md, "change-control-service"), as far as the
 * console shows them; fields it does not show are left out (and ignored when read).
 */
public final class ChangeControlViews {

    private ChangeControlViews() {}

    /** What a POST that creates a record answers, as far as the console needs it. */
    public record Created(String id) {}

    /** A software problem report (IEC 62304 clause 9). */
    public record ProblemReport(
            String id,
            String problemId,
            String productId,
            String softwareItem,
            String softwareVersion,
            String faultCode,
            String description,
            String status,
            String openedBy,
            Instant openedAt,
            Criticality criticality,
            Investigation investigation,
            String noActionRationale,
            ResolutionVerification resolutionVerification,
            NoRecurrence noRecurrence,
            String closedBy,
            Instant closedAt,
            Links links,
            long version) {}

    public record Criticality(String level, String statement) {}

    public record Investigation(
            String cause,
            boolean safetyRelevant,
            String safetyRelevance,
            String outcome,
            String investigatedBy,
            Instant investigatedAt) {}

    public record ResolutionVerification(
            boolean resolved,
            boolean trendReversed,
            boolean changeImplementedInRightItems,
            boolean noNewProblems,
            String verifiedBy,
            Instant verifiedAt) {}

    /** The field evidence of a resolution: the fixed release, the window it ran and the reports since. */
    public record NoRecurrence(
            FixedRelease fixedRelease, String window, Instant checkedAt, List<String> reportsSinceRelease) {}

    public record FixedRelease(String version, String changeRequestId, Instant releasedAt) {}

    public record Links(List<String> changeRequestIds, List<AdvisedParty> partiesAdvised, List<Reopening> reopenings) {}

    public record AdvisedParty(String who, Instant advisedAt) {}

    public record Reopening(String reportId, Instant reopenedAt) {}

    /** A change request (IEC 62304 6.2, 8.2). */
    public record ChangeRequest(
            String id,
            String title,
            String reason,
            String productId,
            List<String> softwareItems,
            String problemReportId,
            String problemId,
            String fscaCaseId,
            String status,
            String requestedBy,
            Instant raisedAt,
            long version,
            ImpactAnalysis impactAnalysis,
            Approval approval,
            Implementation implementation,
            Verification verification,
            Release release,
            Communication communication,
            Closure closure) {}

    public record ImpactAnalysis(
            String summary,
            List<String> affectedItems,
            List<String> testsToRepeat,
            String analysedBy,
            Instant analysedAt,
            Map<String, String> safetyClasses) {}

    public record Approval(Signature signature, long signedVersion) {}

    public record Implementation(
            String softwareVersion,
            List<String> commits,
            String implementedBy,
            Instant implementedAt,
            List<Reclassification> reclassifications) {}

    public record Reclassification(String item, String from, String to) {}

    public record Verification(
            List<VerificationRecord> records, boolean regressionTestsRepeated, String recordedBy, Instant recordedAt) {}

    public record VerificationRecord(
            String softwareItem,
            String results,
            List<String> anomalies,
            String softwareVersion,
            String configuration,
            List<String> tools,
            LocalDate date,
            String tester) {}

    public record Release(String version, List<String> residualAnomalies, String releasedBy, Instant releasedAt) {}

    public record Communication(
            String problem,
            String riskOfContinuedUse,
            String availableChange,
            String installation,
            List<Recipient> recipients,
            Instant sentAt,
            String recordedBy) {}

    public record Recipient(String kind, String name) {}

    public record Closure(String summary, String closedBy, Instant closedAt) {}

    /** A record's audit trail and whether its chain verified now (21 CFR 11.10(e)). */
    /** One row of the traceability matrix (IEC 62304 8.2.4). */
    public record TraceRow(
            String changeRequestId,
            String title,
            String status,
            String productId,
            String problemReportId,
            String problemId,
            String fscaCaseId,
            String approvedBy,
            Instant approvedAt,
            Long signedVersion,
            int verificationRecords,
            Instant verifiedAt,
            String releaseVersion,
            Instant releasedAt) {}
}
