package org.fieldsafety.fsca.vigilance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.RegisteredProduct;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.TrendSignal;

/**
 * A report's document as the case and regulatory affairs make it: the duty's administrative facts, the
 * manufacturer, the device from the registry's facts and the incident's software version, the incident as
 * triage saw it with regulatory affairs' narrative and codes (the hazard catalogue's codes until they code an
 * annex), and their investigation. What the case does
 * not know (serial number, patient, reporter) stays null, never invented. Dates are UTC dates.
 *
 * @param incident the incident, null for the case's own report
 * @param fsca the case's FSCA, null when it has none
 * @param reportableAwareOn when a person confirmed the duty reportable, null while it is only proposed
 * @param trendSignal the trend episode a TREND report reports (MDR Art. 88), null for any other report
 */
public record DraftDocument(
        ReportingDuty duty,
        String reportId,
        VigilanceReportDocument.Manufacturer manufacturer,
        RegisteredProduct product,
        Incident incident,
        VigilanceReportDocument.FscaLink fsca,
        DraftContent content,
        Instant reportableAwareAt,
        TrendSignal trendSignal) {

    /** The document as of {@code reportDate}. */
    public VigilanceReportDocument compose(LocalDate reportDate) {
        DraftContent added = content == null ? DraftContent.EMPTY : content;
        return new VigilanceReportDocument(
                new VigilanceReportDocument.Administrative(
                        reportId,
                        duty.caseId(),
                        duty.regime(),
                        duty.kind(),
                        duty.basis(),
                        competentAuthority(duty.regime(), incident == null ? null : incident.country()),
                        reportDate,
                        incident == null ? null : date(incident.awareAt()),
                        reportableAwareAt == null ? null : date(reportableAwareAt),
                        null,
                        previousReference(),
                        duty.followUpNumber()),
                manufacturer,
                new VigilanceReportDocument.Device(
                        product == null ? null : product.udiDi(),
                        product == null ? null : product.name(),
                        null,
                        incident == null ? null : incident.softwareVersion(),
                        null,
                        null,
                        null),
                incident == null
                        ? null
                        : new VigilanceReportDocument.IncidentDetails(
                                incident.reportId(),
                                added.narrative(),
                                null,
                                incident.country(),
                                outcome(incident.patientOutcome()),
                                null,
                                null,
                                codedOrCatalogued(added.deviceProblems(), 'A'),
                                codedOrCatalogued(added.clinicalSigns(), 'E'),
                                codedOrCatalogued(added.healthImpacts(), 'F')),
                added.investigation(),
                fsca,
                trend(added));
    }

    /**
     * The trend as the signal established it: its window, what was observed against what was foreseen and
     * the test; regulatory affairs' device problem codes describe it.
     */
    private VigilanceReportDocument.Trend trend(DraftContent added) {
        if (trendSignal == null) {
            return null;
        }
        return new VigilanceReportDocument.Trend(
                date(trendSignal.windowStart()),
                date(trendSignal.windowEnd()),
                trendSignal.observed(),
                trendSignal.expected(),
                null,
                trendSignal.method(),
                "statistically significant increase: " + trendSignal.observed() + " reports observed against "
                        + trendSignal.expectedReports() + " expected",
                added.deviceProblems());
    }

    /**
     * The codes of Annex {@code annex} regulatory affairs gave; until they give any, those the hazard catalogue
     * gives the incident's fault and harm, with the release they were coded with.
     */
    private List<CodedTerm> codedOrCatalogued(List<CodedTerm> coded, char annex) {
        if (!coded.isEmpty()) {
            return coded;
        }
        return incident.imdrf().stream()
                .filter(term -> term.code().charAt(0) == annex)
                .map(term -> new CodedTerm(term.code(), term.term(), term.release()))
                .toList();
    }

    /**
     * The authority the report goes to: the national competent authority of the incident's country under the
     * MDR (Art. 87(1)), otherwise the regime's one authority.
     */
    static String competentAuthority(Regime regime, String country) {
        return switch (regime) {
            case EU_MDR -> "Competent authority of " + (country == null ? "the Member State concerned" : country);
            case US_FDA -> "FDA CDRH";
            case UK_MHRA -> "MHRA";
            case CA_HC -> "Health Canada";
            case AU_TGA -> "TGA";
        };
    }

    /** The authority's reference of the last report of this duty's incident and regime that it took. */
    private String previousReference() {
        if (incident == null || duty.followUpNumber() == 0) {
            return null;
        }
        List<ReportingClock.Change> taken = incident.clockHistory().stream()
                .filter(change -> change.clock().regime().equals(duty.regime().name()))
                .filter(ReportingClock.Change::acceptedSubmission)
                .toList();
        ReportingClock.Submission last = taken.get(taken.size() - 1).clock().submission();
        return last == null ? null : last.reference();
    }

    /** The outcome as reported; an unreported or unknown one is UNKNOWN, never a guess. */
    static PatientOutcome outcome(String reported) {
        return Arrays.stream(PatientOutcome.values())
                .filter(o -> o.name().equals(reported))
                .findFirst()
                .orElse(PatientOutcome.UNKNOWN);
    }

    private static LocalDate date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
