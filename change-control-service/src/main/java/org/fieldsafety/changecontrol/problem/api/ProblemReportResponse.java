package org.fieldsafety.changecontrol.problem.api;

import java.time.Instant;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.Investigation;
import org.fieldsafety.changecontrol.problem.NoRecurrence;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.changecontrol.problem.ResolutionVerification;
import org.fieldsafety.changecontrol.problem.query.ProblemReportView;

/** A problem report as the API shows it. */
public record ProblemReportResponse(
        String id,
        String problemId,
        String productId,
        String softwareItem,
        String softwareVersion,
        String faultCode,
        String description,
        ProblemReportStatus status,
        String openedBy,
        Instant openedAt,
        Criticality criticality,
        Investigation investigation,
        String noActionRationale,
        ResolutionVerification resolutionVerification,
        NoRecurrence noRecurrence,
        String closedBy,
        Instant closedAt,
        ProblemReportView.Links links,
        long version) {

    public static ProblemReportResponse of(ProblemReportView view) {
        return new ProblemReportResponse(
                view.id,
                view.problemId,
                view.productId,
                view.softwareItem,
                view.softwareVersion,
                view.faultCode,
                view.description,
                view.status,
                view.openedBy,
                view.openedAt,
                view.criticality,
                view.investigation,
                view.noActionRationale,
                view.resolutionVerification,
                view.noRecurrence,
                view.closedBy,
                view.closedAt,
                view.links,
                view.version);
    }
}
