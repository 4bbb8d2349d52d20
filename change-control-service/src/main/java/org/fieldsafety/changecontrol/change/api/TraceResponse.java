package org.fieldsafety.changecontrol.change.api;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.Communication;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.changecontrol.problem.query.ProblemReportView;

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

    /** A problem report the change resolves. */
    public record ProblemReportLink(
            String id, String problemId, ProblemReportStatus status, Criticality.Level criticality) {}

    static TraceResponse of(ChangeRequestView view, List<ProblemReportView> problemReports) {
        return new TraceResponse(
                view.id,
                view.title,
                view.status,
                view.productId,
                view.requestedBy,
                view.raisedAt,
                view.problemId,
                view.fscaCaseId,
                problemReports.stream()
                        .map(report -> new ProblemReportLink(
                                report.id, report.problemId, report.status, report.criticality.level()))
                        .toList(),
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
