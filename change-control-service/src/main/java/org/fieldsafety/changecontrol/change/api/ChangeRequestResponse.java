package org.fieldsafety.changecontrol.change.api;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.Communication;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;

/** A change request as the API shows it. */
public record ChangeRequestResponse(
        String id,
        String title,
        String reason,
        String productId,
        List<String> softwareItems,
        String problemReportId,
        String problemId,
        String fscaCaseId,
        ChangeRequestStatus status,
        String requestedBy,
        Instant raisedAt,
        long version,
        ImpactAnalysis impactAnalysis,
        ChangeRequestView.Approval approval,
        Implementation implementation,
        List<Implementation.Reclassification> reclassifications,
        Verification verification,
        Release release,
        Communication communication,
        Closure closure) {

    /** A change request as it is at the moment it is raised, before the read model has it. */
    static ChangeRequestResponse raised(RaiseChangeRequest command, ChangeRequestStatus status) {
        return new ChangeRequestResponse(
                command.changeRequestId(),
                command.title(),
                command.reason(),
                command.productId(),
                command.softwareItems(),
                command.problemReportId(),
                command.problemId(),
                command.fscaCaseId(),
                status,
                command.requestedBy(),
                command.raisedAt(),
                0,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null);
    }

    static ChangeRequestResponse of(ChangeRequestView view) {
        return new ChangeRequestResponse(
                view.id,
                view.title,
                view.reason,
                view.productId,
                view.details.softwareItems(),
                view.problemReportId,
                view.problemId,
                view.fscaCaseId,
                view.status,
                view.requestedBy,
                view.raisedAt,
                view.version,
                view.details.impactAnalysis(),
                view.details.approval(),
                view.details.implementation(),
                view.details.reclassifications(),
                view.details.verification(),
                view.details.release(),
                view.details.communication(),
                view.details.closure());
    }
}
