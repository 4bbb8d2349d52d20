package org.fieldsafety.fsca.vigilance.render;

import java.util.List;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Trend;

/**
 * The manufacturer's trend report of a statistically significant increase of incidents: the period, the
 * observed against the foreseeable count, the devices in use, the method and its result, and what the
 * manufacturer does about it. The schemas in {@code vigilance/schemas} are the project's.
 */
final class TrendReportForm {

    private TrendReportForm() {}

    static Form of(VigilanceReportDocument document, Regime regime) {
        boolean eu = regime == Regime.EU_MDR;
        String name = eu ? "Manufacturer Trend Report" : "GB Trend Report";
        Trend trend = FormParts.required(document.trend(), "trend", name);
        VigilanceReportDocument.Administrative administrative = document.administrative();
        VigilanceReportDocument.Investigation investigation = FormParts.investigation(document.investigation());
        VigilanceReportDocument.FscaLink fsca = document.fsca();
        return new Form(
                name,
                eu
                        ? "European Commission manufacturer trend report form (MDR Art. 88); schema written by this project from its field list"
                        : "MHRA GB trend report (MORE); schema written by this project from the trend report field list",
                "trendReport",
                eu ? "urn:fieldsafety:vigilance:eu:trend" : "urn:fieldsafety:vigilance:gb:trend",
                List.of(
                        Form.Section.of(
                                "1",
                                "Administrative information",
                                "administrative",
                                Form.Field.text(
                                        "1.1",
                                        "Name of receiving national competent authority",
                                        "competentAuthority",
                                        administrative.competentAuthority()),
                                Form.Field.text(
                                        "1.2", "Date of this report", "submissionDate", administrative.reportDate()),
                                Form.Field.text(
                                        "1.3",
                                        "Manufacturer's reference number",
                                        "manufacturerReference",
                                        administrative.reportId())),
                        FormParts.manufacturer("1.4", document.manufacturer()),
                        FormParts.device("2", document.device(), null),
                        Form.Section.of(
                                "3",
                                "Trend",
                                "trend",
                                Form.Field.text("3.1a", "Period from", "periodStart", trend.periodStart()),
                                Form.Field.text("3.1b", "Period to", "periodEnd", trend.periodEnd()),
                                Form.Field.text(
                                        "3.2", "Incidents observed in the period", "observed", trend.observed()),
                                Form.Field.text(
                                        "3.3", "Incidents foreseeable in the period", "expected", trend.expected()),
                                Form.Field.text("3.4", "Devices in use", "devicesInUse", trend.devicesInUse()),
                                Form.Field.text("3.5", "Statistical method", "method", trend.method()),
                                Form.Field.text("3.6", "Result", "result", trend.result()),
                                Form.Field.imdrf(
                                        "3.7",
                                        "IMDRF medical device problem (Annex A)",
                                        "deviceProblem",
                                        "A",
                                        trend.deviceProblems())),
                        Form.Section.of(
                                "4",
                                "Manufacturer's actions",
                                "actions",
                                Form.Field.text("4.1", "Root cause", "rootCause", investigation.rootCause()),
                                Form.Field.text(
                                        "4.2",
                                        "Corrective and preventive actions",
                                        "correctiveActions",
                                        investigation.correctiveActions()),
                                Form.Field.text(
                                        "4.3",
                                        "FSCA reference",
                                        "fscaReference",
                                        fsca == null ? null : fsca.reference()))));
    }
}
