package org.fieldsafety.fsca.vigilance.render;

import java.util.List;
import java.util.stream.Stream;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.FdaReportType;
import org.fieldsafety.fsca.vigilance.FdaReportableEvent;
import org.fieldsafety.fsca.vigilance.PatientOutcome;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Administrative;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.IncidentDetails;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Investigation;

/**
 * The MedWatch Form FDA 3500A sections a device manufacturer fills in: A patient, B adverse event or
 * product problem, D suspect device, E initial reporter, G all manufacturers, H device manufacturers
 * (event problem and evaluation codes, remedial action, the correction or removal report number). The
 * eMDR carries the same blocks; IMDRF codes go out as FDA codes where {@link FdaCodes} has them.
 */
final class Form3500A {

    static final String NAMESPACE = "urn:hl7-org:v3";

    private Form3500A() {}

    static Form of(VigilanceReportDocument document, FdaCodes codes) {
        Administrative administrative = document.administrative();
        IncidentDetails incident = FormParts.required(document.incident(), "incident", "eMDR");
        Investigation investigation = FormParts.investigation(document.investigation());
        VigilanceReportDocument.Patient patient = incident.patient() == null
                ? new VigilanceReportDocument.Patient(null, null, null, null)
                : incident.patient();
        VigilanceReportDocument.Reporter reporter = incident.reporter();
        VigilanceReportDocument.Manufacturer manufacturer = document.manufacturer();
        VigilanceReportDocument.Device device = document.device();
        VigilanceReportDocument.FscaLink fsca = document.fsca();
        FdaReportType type = FdaReportType.of(administrative.kind());
        boolean harm =
                switch (incident.patientOutcome()) {
                    case DEATH, SERIOUS_INJURY, NON_SERIOUS_INJURY -> true;
                    default -> false;
                };
        return new Form(
                "MedWatch Form FDA 3500A: mandatory reporting (eMDR)",
                "FDA eMDR HL7 ICSR R2 (urn:hl7-org:v3) blocks of Form FDA 3500A; schema written by this project from the"
                        + " 3500A field list, not FDA's ICSR schema",
                "PORR_IN049016UV",
                NAMESPACE,
                List.of(
                        Form.Section.of(
                                "A",
                                "Patient information",
                                "A",
                                Form.Field.text("A1", "Patient identifier", "A1", patient.identifier()),
                                Form.Field.text("A2", "Age (years)", "A2", patient.ageYears()),
                                Form.Field.text("A3", "Sex", "A3", patient.sex()),
                                Form.Field.text("A4", "Weight (kg)", "A4", patient.weightKg())),
                        Form.Section.of(
                                "B",
                                "Adverse event or product problem",
                                "B",
                                Form.Field.text(
                                        "B1",
                                        "Type",
                                        "B1",
                                        harm ? "Adverse event and product problem" : "Product problem"),
                                Form.Field.text(
                                        "B2",
                                        "Outcome attributed to adverse event",
                                        "B2",
                                        outcome(incident.patientOutcome())),
                                Form.Field.text("B3", "Date of event", "B3", incident.occurredOn()),
                                Form.Field.text("B4", "Date of this report", "B4", administrative.reportDate()),
                                Form.Field.text("B5", "Describe event or problem", "B5", incident.narrative())),
                        Form.Section.of(
                                "D",
                                "Suspect medical device",
                                "D",
                                Form.Field.text("D1", "Brand name", "D1", device.name()),
                                Form.Field.text(
                                        "D3",
                                        "Manufacturer name, city and country",
                                        "D3",
                                        FormParts.joined(
                                                ", ",
                                                manufacturer.name(),
                                                manufacturer.address().city(),
                                                manufacturer.address().country())),
                                Form.Field.text("D4a", "Model #", "D4a", device.model()),
                                Form.Field.text("D4b", "Serial #", "D4b", device.serialNumber()),
                                Form.Field.text("D4c", "Unique identifier (UDI) #", "D4c", device.udiDi()),
                                Form.Field.text("D4d", "Software version (other #)", "D4d", device.softwareVersion())),
                        Form.Section.of(
                                "E",
                                "Initial reporter",
                                "E",
                                Form.Field.text(
                                        "E1a",
                                        "Name or type",
                                        "E1a",
                                        reporter == null
                                                ? null
                                                : reporter.name() == null ? reporter.type() : reporter.name()),
                                Form.Field.text("E1b", "Country", "E1b", reporter == null ? null : reporter.country()),
                                Form.Field.text(
                                        "E2",
                                        "Health professional?",
                                        "E2",
                                        reporter == null ? null : reporter.healthProfessional() ? "Yes" : "No")),
                        Form.Section.of(
                                "G",
                                "All manufacturers",
                                "G",
                                Form.Field.text(
                                        "G1",
                                        "Contact office",
                                        "G1",
                                        FormParts.paragraphs(
                                                manufacturer.contactName(),
                                                manufacturer.name(),
                                                manufacturer.address().street(),
                                                FormParts.joined(
                                                        " ",
                                                        manufacturer.address().postcode(),
                                                        manufacturer.address().city()),
                                                manufacturer.address().country())),
                                Form.Field.text("G2", "Phone number", "G2", manufacturer.phone()),
                                Form.Field.text(
                                        "G3",
                                        "Report source",
                                        "G3",
                                        "US".equals(incident.country()) ? "Domestic" : "Foreign"),
                                Form.Field.text("G4", "Date received by manufacturer", "G4", administrative.awareOn()),
                                Form.Field.text("G5", "PMA/510(k) #", "G5", device.premarketNumber()),
                                Form.Field.text(
                                        "G7",
                                        "Type of report",
                                        "G7",
                                        type == FdaReportType.SUPPLEMENTAL
                                                ? type.label() + " #" + administrative.followUpNumber()
                                                : type.label()),
                                Form.Field.text("G9", "Manufacturer report number", "G9", administrative.reportId())),
                        Form.Section.of(
                                "H",
                                "Device manufacturers only",
                                "H",
                                Form.Field.text(
                                        "H1",
                                        "Type of reportable event",
                                        "H1",
                                        FdaReportableEvent.of(incident.patientOutcome())
                                                .label()),
                                Form.Field.text(
                                        "H2",
                                        "If follow-up, what type?",
                                        "H2",
                                        type == FdaReportType.SUPPLEMENTAL ? "Additional information" : null),
                                Form.Field.text(
                                        "H3",
                                        "Device evaluated by manufacturer?",
                                        "H3",
                                        investigation.deviceEvaluated() ? "Yes" : "No"),
                                coded("H6a", "Device problem code", "H6a", "A", incident.deviceProblems(), codes),
                                new Form.Field(
                                        "H6b",
                                        "Patient problem code",
                                        "H6b",
                                        Stream.concat(
                                                        values(incident.clinicalSigns(), "E", codes),
                                                        values(incident.healthImpacts(), "F", codes))
                                                .toList()),
                                coded(
                                        "H6c",
                                        "Evaluation: method (type of investigation)",
                                        "H6c",
                                        "B",
                                        investigation.investigationTypes(),
                                        codes),
                                coded(
                                        "H6d",
                                        "Evaluation: results (findings)",
                                        "H6d",
                                        "C",
                                        investigation.findings(),
                                        codes),
                                coded("H6e", "Evaluation: conclusions", "H6e", "D", investigation.conclusions(), codes),
                                coded("H6f", "Component code", "H6f", "G", investigation.components(), codes),
                                Form.Field.text(
                                        "H7", "Remedial action initiated", "H7", fsca == null ? null : fsca.action()),
                                Form.Field.text(
                                        "H9",
                                        "Correction or removal reporting number (21 USC 360i(g))",
                                        "H9",
                                        fsca == null ? null : fsca.authorityReference()),
                                Form.Field.text(
                                        "H10",
                                        "Additional manufacturer narrative",
                                        "H10",
                                        FormParts.paragraphs(
                                                investigation.rootCause() == null
                                                        ? null
                                                        : "Root cause: " + investigation.rootCause(),
                                                investigation.similarIncidents() == null
                                                        ? null
                                                        : "Similar incidents: " + investigation.similarIncidents(),
                                                investigation.correctiveActions() == null
                                                        ? null
                                                        : "Corrective actions: "
                                                                + investigation.correctiveActions())))));
    }

    private static Form.Field coded(
            String number, String label, String element, String annex, List<CodedTerm> terms, FdaCodes codes) {
        return new Form.Field(
                number, label, element, values(terms, annex, codes).toList());
    }

    private static Stream<Form.Value> values(List<CodedTerm> terms, String annex, FdaCodes codes) {
        return (terms == null ? List.<CodedTerm>of() : terms).stream().map(term -> codes.value(term, annex));
    }

    /** Block B2's check boxes: death, or a serious injury as "required intervention / other serious". */
    private static String outcome(PatientOutcome outcome) {
        return switch (outcome) {
            case DEATH -> "Death";
            case SERIOUS_INJURY -> "Other serious (important medical events)";
            default -> null;
        };
    }
}
