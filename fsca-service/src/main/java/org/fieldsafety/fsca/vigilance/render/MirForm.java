package org.fieldsafety.fsca.vigilance.render;

import java.util.List;
import org.fieldsafety.fsca.vigilance.MirIncidentClassification;
import org.fieldsafety.fsca.vigilance.MirReportType;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Administrative;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.IncidentDetails;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Investigation;

/**
 * The Manufacturer Incident Report: the European Commission's MIR form 7.3.1 (sections 1 administrative
 * information, 2 device, 3 incident, 4 manufacturer's analysis, 5 comments), and the same structure for
 * Great Britain, where the MHRA's GB MIR schema is derived from MIR 7.2.1. The schemas in
 * {@code vigilance/schemas} are the project's, written from the form's published field list.
 */
final class MirForm {

    private MirForm() {}

    static Form of(VigilanceReportDocument document, Regime regime) {
        boolean eu = regime == Regime.EU_MDR;
        String name = eu ? "Manufacturer Incident Report" : "GB Manufacturer Incident Report";
        Administrative administrative = document.administrative();
        IncidentDetails incident = FormParts.required(document.incident(), "incident", name);
        Investigation investigation = document.investigation();
        VigilanceReportDocument.FscaLink fsca = document.fsca();
        return new Form(
                name + " (MIR) for serious incidents",
                eu
                        ? "European Commission MIR form 7.3.1; schema written by this project from the form's field list"
                        : "MHRA GB MIR (derived from MIR 7.2.1); schema written by this project from the MIR field list",
                "manufacturerIncidentReport",
                eu ? "urn:fieldsafety:vigilance:eu:mir:7.3.1" : "urn:fieldsafety:vigilance:gb:mir",
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
                                        "1.1c",
                                        "Reference number assigned by the competent authority",
                                        "ncaReference",
                                        administrative.previousReference()),
                                Form.Field.text(
                                        "1.2a",
                                        "Date of report submission",
                                        "submissionDate",
                                        administrative.reportDate()),
                                Form.Field.text("1.2b", "Date of incident", "incidentDate", incident.occurredOn()),
                                Form.Field.text(
                                        "1.2c",
                                        "Manufacturer awareness date of the incident",
                                        "awarenessDate",
                                        administrative.awareOn()),
                                Form.Field.text(
                                        "1.2d",
                                        "Manufacturer awareness date of reportability",
                                        "reportabilityAwarenessDate",
                                        administrative.reportableAwareOn()),
                                Form.Field.text(
                                        "1.2e",
                                        "Type of report",
                                        "reportType",
                                        MirReportType.of(administrative.kind(), investigation)
                                                .label()),
                                Form.Field.text(
                                        "1.2f",
                                        "Expected date of the next report",
                                        "nextReportDate",
                                        administrative.nextReportDue()),
                                Form.Field.text(
                                        "1.2g",
                                        "Classification of serious incident",
                                        "classification",
                                        MirIncidentClassification.of(administrative.basis(), incident.patientOutcome())
                                                .label()),
                                Form.Field.text("1.3.1a", "Submitter of the report", "submitter", "Manufacturer"),
                                Form.Field.text(
                                        "1.3.1b",
                                        "Manufacturer's reference number for this incident",
                                        "manufacturerReference",
                                        administrative.reportId())),
                        FormParts.manufacturer("1.3.2", document.manufacturer()),
                        FormParts.device("2", document.device(), null),
                        Form.Section.of(
                                "3",
                                "Incident information",
                                "incident",
                                Form.Field.text(
                                        "3.1a", "Description of the incident", "description", incident.narrative()),
                                Form.Field.text("3.1b", "Country of the incident", "country", incident.country()),
                                Form.Field.text("3.2a", "Patient outcome", "patientOutcome", incident.patientOutcome()),
                                Form.Field.imdrf(
                                        "3.3a",
                                        "IMDRF medical device problem (Annex A)",
                                        "deviceProblem",
                                        "A",
                                        incident.deviceProblems()),
                                Form.Field.imdrf(
                                        "3.3b",
                                        "IMDRF clinical signs, symptoms or conditions (Annex E)",
                                        "clinicalSign",
                                        "E",
                                        incident.clinicalSigns()),
                                Form.Field.imdrf(
                                        "3.3c",
                                        "IMDRF health impact (Annex F)",
                                        "healthImpact",
                                        "F",
                                        incident.healthImpacts())),
                        analysis(investigation, fsca),
                        Form.Section.of(
                                "5",
                                "General comments",
                                "comments",
                                Form.Field.text(
                                        "5a",
                                        "Comments",
                                        "comment",
                                        "Case " + administrative.caseId() + ", incident report "
                                                + incident.incidentReportId() + ", duty " + administrative.basis()))));
    }

    private static Form.Section analysis(Investigation investigation, VigilanceReportDocument.FscaLink fsca) {
        Investigation given = FormParts.investigation(investigation);
        return Form.Section.of(
                "4",
                "Manufacturer's analysis",
                "analysis",
                Form.Field.imdrf(
                        "4.1a",
                        "IMDRF type of investigation (Annex B)",
                        "investigationType",
                        "B",
                        given.investigationTypes()),
                Form.Field.imdrf("4.1b", "IMDRF investigation findings (Annex C)", "finding", "C", given.findings()),
                Form.Field.imdrf(
                        "4.1c", "IMDRF investigation conclusion (Annex D)", "conclusion", "D", given.conclusions()),
                Form.Field.imdrf(
                        "4.1d", "IMDRF medical device component (Annex G)", "component", "G", given.components()),
                Form.Field.text("4.2", "Root cause", "rootCause", given.rootCause()),
                Form.Field.text("4.3", "Similar incidents", "similarIncidents", given.similarIncidents()),
                Form.Field.text(
                        "4.4", "Corrective and preventive actions", "correctiveActions", given.correctiveActions()),
                Form.Field.text("4.5a", "FSCA reference", "fscaReference", fsca == null ? null : fsca.reference()),
                Form.Field.text("4.5b", "FSCA started", "fscaStarted", fsca == null ? null : fsca.startedOn()));
    }
}
