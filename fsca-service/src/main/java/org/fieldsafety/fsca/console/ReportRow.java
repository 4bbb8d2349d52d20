package org.fieldsafety.fsca.console;

import java.time.Instant;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;

/**
 * A vigilance report in a console list; {@code overdue} when it is still a draft after its due time (its
 * clock shows MISSED on the case), {@code incidentReportId} null for the case's own report.
 */
record ReportRow(
        String id,
        String caseId,
        String incidentReportId,
        String regime,
        String kind,
        String basis,
        Instant dueAt,
        String status,
        boolean overdue) {

    static ReportRow of(VigilanceReportView view, Instant now) {
        return new ReportRow(
                view.reportId,
                view.caseId,
                view.incidentReportId,
                view.regime.name(),
                view.kind.name(),
                view.basis,
                view.dueAt,
                view.status.name(),
                view.status == VigilanceReportStatus.DRAFT && view.dueAt.isBefore(now));
    }
}
