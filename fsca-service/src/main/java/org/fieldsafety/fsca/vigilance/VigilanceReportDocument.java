package org.fieldsafety.fsca.vigilance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a vigilance report tells an authority, in the terms of its forms and independent of any one of
 * them: built from an FSCA case (its incident, its clocks, the registry's product facts) and completed by
 * regulatory affairs (narrative, investigation, codes). The renderers in {@code render} turn it into each
 * authority's submission file and a human-readable rendering of its form. A part that does not apply to a
 * kind of report is null ({@code incident} for FSCA, trend and periodic summary reports, {@code trend} and
 * {@code periodicSummary} for all but their own kind); unknown values are null and rendered as such, never
 * invented.
 */
public record VigilanceReportDocument(
        Administrative administrative,
        Manufacturer manufacturer,
        Device device,
        IncidentDetails incident,
        Investigation investigation,
        FscaLink fsca,
        Trend trend,
        PeriodicSummary periodicSummary) {

    /** A report of any kind but a periodic summary. */
    public VigilanceReportDocument(
            Administrative administrative,
            Manufacturer manufacturer,
            Device device,
            IncidentDetails incident,
            Investigation investigation,
            FscaLink fsca,
            Trend trend) {
        this(administrative, manufacturer, device, incident, investigation, fsca, trend, null);
    }

    /**
     * Who reports what to whom, and when the manufacturer knew: {@code awareOn} is the awareness of the
     * incident (the clock's start), {@code reportableAwareOn} the awareness that it is reportable;
     * {@code previousReference} the authority's reference of the report this one follows.
     */
    public record Administrative(
            String reportId,
            String caseId,
            Regime regime,
            VigilanceReportKind kind,
            String basis,
            String competentAuthority,
            LocalDate reportDate,
            LocalDate awareOn,
            LocalDate reportableAwareOn,
            LocalDate nextReportDue,
            String previousReference,
            int followUpNumber) {}

    /** The manufacturer: EUDAMED single registration number, FDA establishment registration, contact. */
    public record Manufacturer(
            String name,
            String srn,
            String fdaRegistrationNumber,
            Address address,
            String contactName,
            String phone,
            String email) {}

    public record Address(String street, String postcode, String city, String country) {}

    /** The device as identified on its label and in the registry; {@code premarketNumber}: 510(k), PMA or De Novo. */
    public record Device(
            String udiDi,
            String name,
            String model,
            String softwareVersion,
            String serialNumber,
            String riskClass,
            String premarketNumber) {}

    /** The incident: what happened, where and to whom, coded with IMDRF Annexes A, E and F. */
    public record IncidentDetails(
            String incidentReportId,
            String narrative,
            LocalDate occurredOn,
            String country,
            PatientOutcome patientOutcome,
            Patient patient,
            Reporter reporter,
            List<CodedTerm> deviceProblems,
            List<CodedTerm> clinicalSigns,
            List<CodedTerm> healthImpacts) {}

    /** The patient as far as known; every field may be null. */
    public record Patient(String identifier, Integer ageYears, String sex, Integer weightKg) {}

    /** Who reported the incident to the manufacturer. */
    public record Reporter(String type, String name, String country, boolean healthProfessional) {}

    /**
     * The manufacturer's investigation, coded with IMDRF Annexes B (type of investigation), C (findings),
     * D (conclusion) and G (component).
     */
    public record Investigation(
            List<CodedTerm> investigationTypes,
            List<CodedTerm> findings,
            List<CodedTerm> conclusions,
            List<CodedTerm> components,
            String rootCause,
            String similarIncidents,
            String correctiveActions,
            boolean deviceEvaluated) {}

    /** The field safety corrective action the report belongs to or links to. */
    public record FscaLink(
            String reference,
            String authorityReference,
            String action,
            String reason,
            LocalDate startedOn,
            String fieldSafetyNoticeReference,
            LocalDate fieldSafetyNoticeIssuedOn,
            List<String> affectedSoftwareVersions,
            Long devicesAffected,
            List<String> countries,
            String responsiblePerson) {}

    /** A trend (MDR Art. 88): the period, what was observed against what was foreseen, and how it was tested. */
    public record Trend(
            LocalDate periodStart,
            LocalDate periodEnd,
            long observed,
            double expected,
            Long devicesInUse,
            String method,
            String result,
            List<CodedTerm> deviceProblems) {}

    /**
     * A periodic summary (MDR Art. 87(9)): the agreement it reports under (this system's id and the
     * coordinating authority's reference), the period with its number and the day its summary is due, the
     * agreed device problem, and the incidents of the period it lists.
     */
    public record PeriodicSummary(
            String agreementId,
            String authorityReference,
            int periodNumber,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dueOn,
            List<CodedTerm> deviceProblems,
            List<ListedIncident> incidents) {}

    /** One incident a periodic summary lists, coded with IMDRF Annexes A, E and F. */
    public record ListedIncident(
            String manufacturerReference,
            LocalDate awareOn,
            String country,
            PatientOutcome patientOutcome,
            List<CodedTerm> deviceProblems,
            List<CodedTerm> clinicalSigns,
            List<CodedTerm> healthImpacts) {}
}
