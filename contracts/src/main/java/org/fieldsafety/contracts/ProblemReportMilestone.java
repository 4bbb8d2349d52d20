package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A problem report's step (IEC 62304 clause 9), on {@link Topics#CHANGE_CONTROL}, keyed by product. Each
 * step is its own CloudEvent type, {@code org.fieldsafety.<milestone>.v1}; the payload is the same for all.
 * {@code status} is the status the step led to, absent for a step that does not move the report.
 */
public record ProblemReportMilestone(
        String problemReportId,
        String problemId,
        String productId,
        String milestone,
        String status,
        Instant occurredAt) {

    /** IEC 62304 9.1 to 9.8, in workflow order; {@code ProblemReportReopened} follows a recurrence. */
    public static final List<String> MILESTONES = List.of(
            "ProblemReportOpened",
            "ProblemInvestigated",
            "ChangeRequestsLinked",
            "NoActionDecided",
            "PartiesAdvised",
            "ResolutionVerified",
            "ProblemReportClosed",
            "ProblemReportReopened");

    public static final List<String> TYPES = MilestoneTypes.of(MILESTONES);

    /** The CloudEvent type of one of the {@link #MILESTONES}. */
    public static String type(String milestone) {
        return MilestoneTypes.of(MILESTONES, milestone, "problem report");
    }
}
