package org.fieldsafety.fsca.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.DraftContent;
import org.fieldsafety.fsca.vigilance.SubmissionFormat;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;

/**
 * What a report page shows: the report's duty and status, the authority its document goes to, its codes with
 * their terms and release, its submission and the authority's answer, and which steps it can take now.
 * {@code hasXml}: whether its authority takes a file (otherwise the PDF is what goes).
 */
record ReportPage(
        ReportRow report,
        int followUpNumber,
        long version,
        Instant updatedAt,
        String competentAuthority,
        String withdrawal,
        List<CodedTerm> codes,
        String narrative,
        VigilanceReportView.Submission submission,
        VigilanceReportView.Answer answer,
        boolean hasXml) {

    static ReportPage of(VigilanceReportService.Composed composed, Instant now) {
        VigilanceReportView view = composed.view();
        DraftContent content = view.details.content;
        VigilanceReportDocument.Investigation investigation = content.investigation();
        List<CodedTerm> codes = new ArrayList<>();
        codes.addAll(content.deviceProblems());
        codes.addAll(content.clinicalSigns());
        codes.addAll(content.healthImpacts());
        if (investigation != null) {
            codes.addAll(investigation.investigationTypes());
            codes.addAll(investigation.findings());
            codes.addAll(investigation.conclusions());
            codes.addAll(investigation.components());
        }
        return new ReportPage(
                ReportRow.of(view, now),
                view.followUpNumber,
                view.version,
                view.updatedAt,
                composed.document().administrative().competentAuthority(),
                view.details.withdrawal,
                List.copyOf(codes),
                content.narrative(),
                view.details.submission,
                view.details.answer,
                SubmissionFormat.of(view.regime, view.kind).hasXml());
    }

    /** Only a draft is completed and submitted. */
    public boolean draft() {
        return VigilanceReportStatus.DRAFT.name().equals(report.status());
    }

    /** Only a submitted report is acknowledged or rejected. */
    public boolean submitted() {
        return VigilanceReportStatus.SUBMITTED.name().equals(report.status());
    }
}
