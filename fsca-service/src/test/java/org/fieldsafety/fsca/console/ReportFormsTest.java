package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.DraftContent;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;
import org.junit.jupiter.api.Test;

class ReportFormsTest {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @Test
    void codesAreSeparatedByCommasSpacesOrLines() {
        assertEquals(List.of("A0901", "E0119", "F02"), ReportForms.codes(" A0901, E0119\nF02 ,"));
        assertEquals(List.of(), ReportForms.codes(" "));
        assertEquals(List.of(), ReportForms.codes(null));
    }

    @Test
    void theDraftsFormShowsWhatWasSavedWithItsCodesAsTyped() {
        CodedTerm a = new CodedTerm("A0901", "Computer software problem", "2025");
        CodedTerm b = new CodedTerm("B01", "Testing of actual or suspected device", "2025");
        CodedTerm d = new CodedTerm("D16", "Cause traced to design", "2025");
        DraftContent saved = new DraftContent(
                "Bolus ten times too high",
                List.of(a),
                List.of(),
                List.of(),
                new VigilanceReportDocument.Investigation(
                        List.of(b), List.of(), List.of(d, d), List.of(), "Overflow", null, null, true));

        ReportForms.Draft form = ReportForms.Draft.of(saved);

        assertEquals("Bolus ten times too high", form.narrative());
        assertEquals("A0901", form.deviceProblems());
        assertEquals("", form.clinicalSigns());
        assertEquals("B01", form.investigationTypes());
        assertEquals("D16, D16", form.conclusions());
        assertEquals("Overflow", form.rootCause());
        assertTrue(form.deviceEvaluated());
        ReportForms.Draft empty = ReportForms.Draft.of(DraftContent.EMPTY);
        assertEquals("", empty.findings());
        assertFalse(empty.deviceEvaluated());
    }

    @Test
    void onlyADraftPastItsDueTimeIsOverdue() {
        assertTrue(ReportRow.of(report(VigilanceReportStatus.DRAFT, NOW.minusSeconds(1)), NOW)
                .overdue());
        assertFalse(ReportRow.of(report(VigilanceReportStatus.DRAFT, NOW.plusSeconds(1)), NOW)
                .overdue());
        assertFalse(ReportRow.of(report(VigilanceReportStatus.SUBMITTED, NOW.minusSeconds(1)), NOW)
                .overdue());
    }

    @Test
    void theListFiltersByEveryStatus() {
        assertEquals(List.of("DRAFT", "WITHDRAWN", "SUBMITTED", "ACKNOWLEDGED", "REJECTED"), ReportForms.statuses());
    }

    private static VigilanceReportView report(VigilanceReportStatus status, Instant due) {
        VigilanceReportView view = new VigilanceReportView();
        view.reportId = "r-1";
        view.caseId = "case-1";
        view.regime = Regime.EU_MDR;
        view.kind = VigilanceReportKind.INITIAL;
        view.basis = "Art. 87(3)";
        view.dueAt = due;
        view.status = status;
        return view;
    }
}
