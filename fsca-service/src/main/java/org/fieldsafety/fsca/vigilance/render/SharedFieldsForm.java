package org.fieldsafety.fsca.vigilance.render;

import java.util.List;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.IncidentDetails;

/**
 * The shared fields of an incident report for an authority whose form could not be obtained here (Health
 * Canada's mandatory problem report, the TGA's adverse event report): the report, the manufacturer, the
 * device, the incident with its IMDRF codes and the manufacturer's investigation, as a PDF to transcribe
 * into the authority's form. docs/vigilance-formats.md says what is missing.
 */
final class SharedFieldsForm {

    private SharedFieldsForm() {}

    static Form of(VigilanceReportDocument document, Regime regime) {
        boolean canada = regime == Regime.CA_HC;
        String name = canada
                ? "Health Canada mandatory medical device problem report"
                : "TGA medical device adverse event report";
        IncidentDetails incident = FormParts.required(document.incident(), "incident", name);
        VigilanceReportDocument.Administrative administrative = document.administrative();
        VigilanceReportDocument.Investigation investigation = FormParts.investigation(document.investigation());
        return new Form(
                name + ": shared fields",
                (canada ? "Health Canada's" : "The TGA's")
                        + " form could not be obtained; the fields every authority's incident report shares, to transcribe",
                "sharedFields",
                "urn:fieldsafety:vigilance:shared",
                List.of(
                        Form.Section.of(
                                "1",
                                "Report",
                                "report",
                                Form.Field.text("1a", "Authority", "authority", administrative.competentAuthority()),
                                Form.Field.text("1b", "Date of this report", "reportDate", administrative.reportDate()),
                                Form.Field.text(
                                        "1c", "Manufacturer's reference", "reference", administrative.reportId()),
                                Form.Field.text("1d", "Kind of report", "kind", administrative.kind()),
                                Form.Field.text("1e", "Reporting duty", "basis", administrative.basis()),
                                Form.Field.text("1f", "Manufacturer aware on", "awareOn", administrative.awareOn())),
                        FormParts.manufacturer("2", document.manufacturer()),
                        FormParts.device("3", document.device(), null),
                        Form.Section.of(
                                "4",
                                "Incident",
                                "incident",
                                Form.Field.text("4a", "Description", "description", incident.narrative()),
                                Form.Field.text("4b", "Date of incident", "occurredOn", incident.occurredOn()),
                                Form.Field.text("4c", "Country", "country", incident.country()),
                                Form.Field.text("4d", "Patient outcome", "patientOutcome", incident.patientOutcome()),
                                Form.Field.imdrf(
                                        "4e",
                                        "IMDRF medical device problem (Annex A)",
                                        "deviceProblem",
                                        "A",
                                        incident.deviceProblems()),
                                Form.Field.imdrf(
                                        "4f",
                                        "IMDRF clinical signs (Annex E)",
                                        "clinicalSign",
                                        "E",
                                        incident.clinicalSigns()),
                                Form.Field.imdrf(
                                        "4g",
                                        "IMDRF health impact (Annex F)",
                                        "healthImpact",
                                        "F",
                                        incident.healthImpacts())),
                        Form.Section.of(
                                "5",
                                "Manufacturer's investigation",
                                "investigation",
                                Form.Field.imdrf(
                                        "5a",
                                        "IMDRF type of investigation (Annex B)",
                                        "investigationType",
                                        "B",
                                        investigation.investigationTypes()),
                                Form.Field.imdrf(
                                        "5b", "IMDRF findings (Annex C)", "finding", "C", investigation.findings()),
                                Form.Field.imdrf(
                                        "5c",
                                        "IMDRF conclusion (Annex D)",
                                        "conclusion",
                                        "D",
                                        investigation.conclusions()),
                                Form.Field.imdrf(
                                        "5d",
                                        "IMDRF component (Annex G)",
                                        "component",
                                        "G",
                                        investigation.components()),
                                Form.Field.text("5e", "Root cause", "rootCause", investigation.rootCause()),
                                Form.Field.text(
                                        "5f",
                                        "Corrective actions",
                                        "correctiveActions",
                                        investigation.correctiveActions()))));
    }
}
