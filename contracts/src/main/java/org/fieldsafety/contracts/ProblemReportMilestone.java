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

    public static final List<String> TYPES = MILESTONES.stream()
            .map(milestone -> "org.fieldsafety." + milestone + ".v1")
            .toList();

    /** The CloudEvent type of one of the {@link #MILESTONES}. */
    public static String type(String milestone) {
        int index = MILESTONES.indexOf(milestone);
        if (index < 0) {
            throw new IllegalArgumentException("not a problem report milestone: " + milestone);
        }
        return TYPES.get(index);
    }
}
