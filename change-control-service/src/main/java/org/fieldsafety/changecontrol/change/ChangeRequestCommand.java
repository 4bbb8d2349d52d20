package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of a {@link ChangeRequest}. */
public sealed interface ChangeRequestCommand {

    /**
     * Raise a change request, by hand or from a problem report or an FSCA decision (IEC 62304 6.2.1.3,
     * 9.4); {@code problemReportId}, {@code problemId} and {@code fscaCaseId} are null when not known.
     */
    record RaiseChangeRequest(
            @TargetAggregateIdentifier String changeRequestId,
            String title,
            String reason,
            String productId,
            List<String> softwareItems,
            String problemReportId,
            String problemId,
            String fscaCaseId,
            String requestedBy,
            Instant raisedAt)
            implements ChangeRequestCommand {}

    /** Record the impact analysis (IEC 62304 6.2.3). */
    record AnalyseImpact(@TargetAggregateIdentifier String changeRequestId, ImpactAnalysis analysis)
            implements ChangeRequestCommand {}

    /** The change board's signed approval (IEC 62304 6.2.4, 8.2.1). */
    record ApproveChange(@TargetAggregateIdentifier String changeRequestId, Signature signature)
            implements ChangeRequestCommand {}

    /** Record the implementation of the approved change (IEC 62304 8.2.2). */
    record ImplementChange(@TargetAggregateIdentifier String changeRequestId, Implementation implementation)
            implements ChangeRequestCommand {}

    /** Record the verification of the implemented change (IEC 62304 8.2.3, 9.8). */
    record VerifyChange(@TargetAggregateIdentifier String changeRequestId, Verification verification)
            implements ChangeRequestCommand {}

    /** Record the re-release of the verified software (IEC 62304 6.3). */
    record ReleaseChange(@TargetAggregateIdentifier String changeRequestId, Release release)
            implements ChangeRequestCommand {}

    /** Record the communication to users and regulators (IEC 62304 6.2.5). */
    record CommunicateChange(@TargetAggregateIdentifier String changeRequestId, Communication communication)
            implements ChangeRequestCommand {}

    /** Close the released and communicated change request. */
    record CloseChangeRequest(@TargetAggregateIdentifier String changeRequestId, Closure closure)
            implements ChangeRequestCommand {}
}
