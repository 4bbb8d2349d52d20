package org.fieldsafety.fsca.vigilance.api;

import java.time.Instant;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;

/** A report in the list. {@code incidentReportId} null for the case's own report. */
public record VigilanceReportSummary(
        String id,
        String caseId,
        String incidentReportId,
        Regime regime,
        VigilanceReportKind kind,
        String basis,
        Instant dueAt,
        VigilanceReportStatus status) {

    static VigilanceReportSummary of(VigilanceReportView view) {
        return new VigilanceReportSummary(
                view.reportId,
                view.caseId,
                view.incidentReportId,
                view.regime,
                view.kind,
                view.basis,
                view.dueAt,
                view.status);
    }
}
