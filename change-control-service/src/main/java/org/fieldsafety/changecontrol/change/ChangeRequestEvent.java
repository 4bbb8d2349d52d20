package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to a {@link ChangeRequest}: its event history is its audit trail and its traceability
 * (IEC 62304 8.2.4). Class names are a stored contract: rename only with an upcaster.
 */
public sealed interface ChangeRequestEvent {

    String changeRequestId();

    @Revision("1")
    record ChangeRequestRaised(
            String changeRequestId,
            String title,
            String reason,
            String productId,
            List<String> softwareItems,
            String problemReportId,
            String problemId,
            String fscaCaseId,
            String requestedBy,
            Instant raisedAt)
            implements ChangeRequestEvent {}

    @Revision("1")
    record ImpactAnalysed(String changeRequestId, ImpactAnalysis analysis) implements ChangeRequestEvent {}

    /** {@code signedVersion} binds the signature to the version it was given on (21 CFR 11.70). */
    @Revision("1")
    record ChangeApproved(String changeRequestId, Signature signature, long signedVersion)
            implements ChangeRequestEvent {}

    @Revision("1")
    record ChangeImplemented(String changeRequestId, Implementation implementation) implements ChangeRequestEvent {}

    /**
     * The implementation changed the safety class of software items (IEC 62304 8.2.2): the impact is
     * analysed and approved again before the change goes on.
     */
    @Revision("1")
    record ImpactAnalysisReopened(String changeRequestId, List<Implementation.Reclassification> reclassifications)
            implements ChangeRequestEvent {}

    @Revision("1")
    record ChangeVerified(String changeRequestId, Verification verification) implements ChangeRequestEvent {}

    @Revision("1")
    record ChangeReleased(String changeRequestId, Release release) implements ChangeRequestEvent {}

    @Revision("1")
    record ChangeCommunicated(String changeRequestId, Communication communication) implements ChangeRequestEvent {}

    @Revision("1")
    record ChangeRequestClosed(String changeRequestId, Closure closure) implements ChangeRequestEvent {}
}
