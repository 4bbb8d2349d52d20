package org.fieldsafety.fsca.vigilance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.RegisteredProduct;

/**
 * A periodic summary report's document as the cases make it (MDR Art. 87(9)): the agreement and period it
 * answers, addressed to the coordinating competent authority, the manufacturer, the device from the
 * registry's facts, and one entry per listed incident as triage saw it (its report id as the manufacturer's
 * reference, awareness, country and patient outcome), coded with the agreed problem's Annex A codes. Annex E
 * and F codes are not known per incident without its own report, so they stay empty, never invented.
 *
 * @param incidents the listed incidents, in the order they were listed
 */
public record SummaryDraft(
        ReportingDuty duty,
        String reportId,
        VigilanceReportDocument.Manufacturer manufacturer,
        RegisteredProduct product,
        SummaryPeriod period,
        List<Incident> incidents) {

    /** The document as of {@code reportDate}. */
    public VigilanceReportDocument compose(LocalDate reportDate) {
        return new VigilanceReportDocument(
                new VigilanceReportDocument.Administrative(
                        reportId,
                        duty.caseId(),
                        duty.regime(),
                        duty.kind(),
                        duty.basis(),
                        period.competentAuthority(),
                        reportDate,
                        null,
                        null,
                        null,
                        null,
                        0),
                manufacturer,
                new VigilanceReportDocument.Device(
                        product == null ? null : product.udiDi(),
                        product == null ? null : product.name(),
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                null,
                null,
                null,
                new VigilanceReportDocument.PeriodicSummary(
                        period.agreementId(),
                        period.authorityReference(),
                        period.number(),
                        period.firstDay(),
                        period.lastDay(),
                        period.dueOn(),
                        period.deviceProblems(),
                        incidents.stream().map(this::listed).toList()));
    }

    private VigilanceReportDocument.ListedIncident listed(Incident incident) {
        return new VigilanceReportDocument.ListedIncident(
                incident.reportId(),
                incident.awareAt().atZone(ZoneOffset.UTC).toLocalDate(),
                incident.country(),
                DraftDocument.outcome(incident.patientOutcome()),
                period.deviceProblems(),
                List.of(),
                List.of());
    }
}
