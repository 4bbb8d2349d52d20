package org.fieldsafety.fsca.vigilance.api;

import java.time.Instant;
import org.fieldsafety.fsca.vigilance.DraftContent;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;

/**
 * A report: its duty and status, regulatory affairs' additions, its submission (without the document,
 * which {@code document} is) and the authority's answer; {@code document} as submitted, or as it would be
 * submitted today.
 */
public record VigilanceReportResponse(
        String id,
        String caseId,
        String incidentReportId,
        Regime regime,
        VigilanceReportKind kind,
        String basis,
        Instant dueAt,
        int followUpNumber,
        VigilanceReportStatus status,
        long version,
        String withdrawal,
        DraftContent content,
        Submission submission,
        VigilanceReportView.Answer answer,
        VigilanceReportDocument document) {

    public record Submission(
            String reference, Instant submittedAt, boolean late, String fileName, String sha256, String signer) {}

    static VigilanceReportResponse of(VigilanceReportService.Composed composed) {
        VigilanceReportView view = composed.view();
        VigilanceReportView.Submission submitted = view.details.submission;
        return new VigilanceReportResponse(
                view.reportId,
                view.caseId,
                view.incidentReportId,
                view.regime,
                view.kind,
                view.basis,
                view.dueAt,
                view.followUpNumber,
                view.status,
                view.version,
                view.details.withdrawal,
                view.details.content,
                submitted == null
                        ? null
                        : new Submission(
                                submitted.reference(),
                                submitted.submittedAt(),
                                submitted.late(),
                                submitted.fileName(),
                                submitted.sha256(),
                                submitted.signature().signer()),
                view.details.answer,
                composed.document());
    }
}
