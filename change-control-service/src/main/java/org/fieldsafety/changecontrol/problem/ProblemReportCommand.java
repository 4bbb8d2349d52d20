package org.fieldsafety.changecontrol.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a {@link ProblemReport}. */
public sealed interface ProblemReportCommand {

    /**
     * Open a problem report (IEC 62304 9.1), from triage's detected problem or by hand; {@code problemId}
     * (triage's) is null for one opened by hand.
     */
    record OpenProblemReport(
            @TargetAggregateIdentifier String problemReportId,
            String problemId,
            String productId,
            String softwareItem,
            String softwareVersion,
            String faultCode,
            String description,
            Criticality criticality,
            String openedBy,
            Instant openedAt)
            implements ProblemReportCommand {}

    /** Record the investigation (IEC 62304 9.2). */
    record InvestigateProblem(@TargetAggregateIdentifier String problemReportId, Investigation investigation)
            implements ProblemReportCommand {}

    /** Name the change requests that resolve the problem (IEC 62304 9.2, 9.4). */
    record LinkChangeRequests(
            @TargetAggregateIdentifier String problemReportId,
            List<String> changeRequestIds,
            String linkedBy,
            Instant linkedAt)
            implements ProblemReportCommand {}

    /** Record why no change is made (IEC 62304 9.2). */
    record DecideNoAction(
            @TargetAggregateIdentifier String problemReportId, String rationale, String decidedBy, Instant decidedAt)
            implements ProblemReportCommand {}

    /** Record which relevant parties were advised, and when (IEC 62304 9.3). */
    record AdviseParties(
            @TargetAggregateIdentifier String problemReportId, List<AdvisedParty> parties, String recordedBy)
            implements ProblemReportCommand {}

    /**
     * Record the verification of the resolution (IEC 62304 9.7) with the field facts it is checked against:
     * the release that fixes the problem ({@code null} when none was released), the problem's field reports
     * and how long the fix must be in the field without recurrence.
     */
    record VerifyResolution(
            @TargetAggregateIdentifier String problemReportId,
            ResolutionVerification verification,
            FixedRelease fixedRelease,
            List<FieldReport> fieldReports,
            Duration noRecurrenceWindow)
            implements ProblemReportCommand {}

    /**
     * Close the problem report (IEC 62304 9.7), checking again, against the problem's field reports as they
     * are now, that the verified fix has not seen the problem recur.
     */
    record CloseProblemReport(
            @TargetAggregateIdentifier String problemReportId,
            String closedBy,
            Instant closedAt,
            List<FieldReport> fieldReports,
            Duration noRecurrenceWindow)
            implements ProblemReportCommand {}

    /**
     * Reports of the same problem were triaged, in the order triage published them (those of one consumed
     * batch): reopens the report when one of them shows the problem recurring.
     */
    record RecordRecurrences(@TargetAggregateIdentifier String problemReportId, List<FieldReport> reports)
            implements ProblemReportCommand {}
}
