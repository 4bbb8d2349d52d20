package org.fieldsafety.fsca.vigilance.render;

import java.util.List;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.FscaLink;

/**
 * The manufacturer's field safety corrective action report to the competent authority: the FSCA, its
 * reason, the devices and software versions it concerns, where, and its field safety notice. The EU and
 * GB forms are the authorities'; the schemas in {@code vigilance/schemas} are the project's.
 */
final class FscaReportForm {

    private FscaReportForm() {}

    static Form of(VigilanceReportDocument document, Regime regime) {
        boolean eu = regime == Regime.EU_MDR;
        String name = eu
                ? "Manufacturer's Field Safety Corrective Action Report"
                : "GB Field Safety Corrective Action Report";
        FscaLink fsca = FormParts.required(document.fsca(), "field safety corrective action", name);
        VigilanceReportDocument.Administrative administrative = document.administrative();
        VigilanceReportDocument.Investigation investigation = FormParts.investigation(document.investigation());
        VigilanceReportDocument.IncidentDetails incident = document.incident();
        return new Form(
                name,
                eu
                        ? "European Commission manufacturer's FSCA report form; schema written by this project from its field list"
                        : "MHRA GB FSCA report (MORE); schema written by this project from the FSCA report field list",
                "fieldSafetyCorrectiveActionReport",
                eu ? "urn:fieldsafety:vigilance:eu:fsca" : "urn:fieldsafety:vigilance:gb:fsca",
                List.of(
                        Form.Section.of(
                                "1",
                                "Administrative information",
                                "administrative",
                                Form.Field.text(
                                        "1.1a",
                                        "Name of receiving national competent authority",
                                        "competentAuthority",
                                        administrative.competentAuthority()),
                                Form.Field.text(
                                        "1.1b",
                                        "Reference number assigned by the competent authority",
                                        "ncaReference",
                                        fsca.authorityReference()),
                                Form.Field.text(
                                        "1.2a", "Date of this report", "submissionDate", administrative.reportDate()),
                                Form.Field.text(
                                        "1.2b",
                                        "Manufacturer's FSCA reference",
                                        "manufacturerReference",
                                        fsca.reference())),
                        FormParts.manufacturer("1.3", document.manufacturer()),
                        FormParts.device("2", document.device(), fsca.affectedSoftwareVersions()),
                        Form.Section.of(
                                "3",
                                "Field safety corrective action",
                                "fsca",
                                Form.Field.text("3.1", "Action taken", "action", fsca.action()),
                                Form.Field.text("3.2", "Background and reason for the FSCA", "reason", fsca.reason()),
                                Form.Field.text("3.3", "Date the FSCA started", "startedOn", fsca.startedOn()),
                                Form.Field.text(
                                        "3.4", "Number of devices affected", "devicesAffected", fsca.devicesAffected()),
                                Form.Field.text(
                                        "3.5",
                                        "Countries where the FSCA is undertaken",
                                        "country",
                                        fsca.countries().toArray()),
                                Form.Field.text(
                                        "3.6a",
                                        "Field safety notice reference",
                                        "fieldSafetyNoticeReference",
                                        fsca.fieldSafetyNoticeReference()),
                                Form.Field.text(
                                        "3.6b",
                                        "Field safety notice date",
                                        "fieldSafetyNoticeDate",
                                        fsca.fieldSafetyNoticeIssuedOn()),
                                Form.Field.text(
                                        "3.7", "Person responsible", "responsiblePerson", fsca.responsiblePerson())),
                        Form.Section.of(
                                "4",
                                "Related incidents and analysis",
                                "analysis",
                                Form.Field.text(
                                        "4.1",
                                        "Related incident report",
                                        "incidentReference",
                                        incident == null ? null : incident.incidentReportId()),
                                Form.Field.imdrf(
                                        "4.2",
                                        "IMDRF medical device problem (Annex A)",
                                        "deviceProblem",
                                        "A",
                                        incident == null ? List.of() : incident.deviceProblems()),
                                Form.Field.text("4.3", "Root cause", "rootCause", investigation.rootCause()),
                                Form.Field.text(
                                        "4.4",
                                        "Corrective and preventive actions",
                                        "correctiveActions",
                                        investigation.correctiveActions())),
                        Form.Section.of(
                                "5",
                                "General comments",
                                "comments",
                                Form.Field.text("5a", "Comments", "comment", "Case " + administrative.caseId()))));
    }
}
