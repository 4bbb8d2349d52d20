package org.fieldsafety.fsca.vigilance.render;

import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.ListedIncident;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.PeriodicSummary;

/**
 * The manufacturer's periodic summary report of similar incidents, as agreed with the coordinating
 * competent authority ({@code SubmissionFormat} says which duty it answers): the agreement it reports under
 * and the authority, the period, the manufacturer and the device, then one group per incident of the
 * period (the manufacturer's reference, the date of awareness, the country, the IMDRF codes and the patient
 * outcome). The official form and schema were not obtained; the schema {@code eu-psr.xsd} is the project's,
 * written from this field list.
 */
final class PeriodicSummaryReportForm {

    private static final String NAME = "Periodic Summary Report";

    private PeriodicSummaryReportForm() {}

    static Form of(VigilanceReportDocument document) {
        PeriodicSummary summary = FormParts.required(document.periodicSummary(), "periodic summary", NAME);
        VigilanceReportDocument.Administrative administrative = document.administrative();
        List<Form.Section> sections = new ArrayList<>(List.of(
                Form.Section.of(
                        "1",
                        "Administrative information",
                        "administrative",
                        Form.Field.text(
                                "1.1",
                                "Name of coordinating competent authority",
                                "competentAuthority",
                                administrative.competentAuthority()),
                        Form.Field.text(
                                "1.2",
                                "Authority's reference of the agreement",
                                "authorityReference",
                                summary.authorityReference()),
                        Form.Field.text(
                                "1.3",
                                "Manufacturer's reference of the agreement",
                                "agreementId",
                                summary.agreementId()),
                        Form.Field.text("1.4", "Date of this report", "submissionDate", administrative.reportDate()),
                        Form.Field.text(
                                "1.5",
                                "Manufacturer's reference number",
                                "manufacturerReference",
                                administrative.reportId())),
                Form.Section.of(
                        "2",
                        "Reporting period",
                        "period",
                        Form.Field.text("2.1", "Period number", "periodNumber", summary.periodNumber()),
                        Form.Field.text("2.2a", "Period from", "periodStart", summary.periodStart()),
                        Form.Field.text("2.2b", "Period to", "periodEnd", summary.periodEnd()),
                        Form.Field.text("2.3", "Summary due", "dueOn", summary.dueOn()),
                        Form.Field.text(
                                "2.4",
                                "Incidents in the period",
                                "incidentCount",
                                summary.incidents().size()),
                        Form.Field.imdrf(
                                "2.5",
                                "Agreed IMDRF medical device problem (Annex A)",
                                "deviceProblem",
                                "A",
                                summary.deviceProblems())),
                FormParts.manufacturer("3", document.manufacturer()),
                FormParts.device("4", document.device(), null)));
        for (int i = 0; i < summary.incidents().size(); i++) {
            sections.add(incident("5." + (i + 1), summary.incidents().get(i)));
        }
        return new Form(
                NAME,
                "MDCG 2023-3 periodic summary report (MDR Art. 87(9)); official form and schema not obtained,"
                        + " schema written by this project from its field list",
                "periodicSummaryReport",
                "urn:fieldsafety:vigilance:eu:psr",
                List.copyOf(sections));
    }

    private static Form.Section incident(String number, ListedIncident incident) {
        return Form.Section.of(
                number,
                "Incident",
                "incident",
                Form.Field.text(
                        number + "a",
                        "Manufacturer's reference number",
                        "manufacturerReference",
                        incident.manufacturerReference()),
                Form.Field.text(number + "b", "Date of awareness", "awareOn", incident.awareOn()),
                Form.Field.text(number + "c", "Country of the incident", "country", incident.country()),
                Form.Field.imdrf(
                        number + "d",
                        "IMDRF medical device problem (Annex A)",
                        "deviceProblem",
                        "A",
                        incident.deviceProblems()),
                Form.Field.imdrf(
                        number + "e",
                        "IMDRF clinical signs, symptoms and conditions (Annex E)",
                        "clinicalSign",
                        "E",
                        incident.clinicalSigns()),
                Form.Field.imdrf(
                        number + "f", "IMDRF health impact (Annex F)", "healthImpact", "F", incident.healthImpacts()),
                Form.Field.text(number + "g", "Patient outcome", "patientOutcome", incident.patientOutcome()));
    }
}
