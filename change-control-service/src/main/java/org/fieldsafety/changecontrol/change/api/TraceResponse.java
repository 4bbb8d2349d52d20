package org.fieldsafety.changecontrol.change.api;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.change.ChangeRequestService;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.Communication;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.changecontrol.problem.query.ProblemReportLink;

/**
 * The traceability of one change (IEC 62304 8.2.4): problem report(s) <-> change request <-> approval
 * (with its signature) <-> verification <-> release, and the FSCA case it answers.
 */
public record TraceResponse(
        String changeRequestId,
        String title,
        ChangeRequestStatus status,
        String productId,
        String requestedBy,
        Instant raisedAt,
        String problemId,
        String fscaCaseId,
        List<ProblemReportLink> problemReports,
        ImpactAnalysis impactAnalysis,
        ChangeRequestView.Approval approval,
        Implementation implementation,
        List<Implementation.Reclassification> reclassifications,
        Verification verification,
        Release release,
        Communication communication,
        Closure closure) {

    static TraceResponse of(ChangeRequestService.Trace trace) {
        ChangeRequestView view = trace.view();
        return new TraceResponse(
                view.id,
                view.title,
                view.status,
                view.productId,
                view.requestedBy,
                view.raisedAt,
                view.problemId,
                view.fscaCaseId,
                trace.problemReports(),
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
