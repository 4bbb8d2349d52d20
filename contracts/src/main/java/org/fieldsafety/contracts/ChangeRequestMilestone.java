package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A change request's step after its raising ({@link ChangeRequestRaised}), on {@link Topics#CHANGE_CONTROL},
 * keyed by product. Each step is its own CloudEvent type, {@code org.fieldsafety.<milestone>.v1}; the
 * payload is the same for all. {@code problemId} and {@code fscaCaseId} repeat what the raising said, so a
 * consumer can follow the change of one problem or FSCA case without keeping the raising.
 */
public record ChangeRequestMilestone(
        String changeRequestId,
        String productId,
        String problemId,
        String fscaCaseId,
        String milestone,
        String status,
        Instant occurredAt) {

    /** IEC 62304 6.2, 6.3, 8.2, in workflow order; {@code ImpactAnalysisReopened} follows a reclassification. */
    public static final List<String> MILESTONES = List.of(
            "ImpactAnalysed",
            "ChangeApproved",
            "ChangeImplemented",
            "ImpactAnalysisReopened",
            "ChangeVerified",
            "ChangeReleased",
            "ChangeCommunicated",
            "ChangeRequestClosed");

    public static final List<String> TYPES = MilestoneTypes.of(MILESTONES);

    /** The CloudEvent type of one of the {@link #MILESTONES}. */
    public static String type(String milestone) {
        return MilestoneTypes.of(MILESTONES, milestone, "change request");
    }
}
