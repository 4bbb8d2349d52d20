package org.fieldsafety.fsca.vigilance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.fsca.cases.Authorities;
import org.fieldsafety.fsca.cases.CaseDuties;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.Incidents;
import org.fieldsafety.fsca.cases.RegisteredProduct;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** Which report a clock asks for, its id, and the document a draft makes from the case. */
class DraftRulesTest {

    private static final Instant AWARE = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-08T09:00:00Z");

    /** MDR Art. 87(1)(a), 87(6): the first report is initial, a report after one the authority took a follow-up. */
    @Test
    void anEuClockAsksForTheInitialReportThenFollowUps() {
        ReportingClock first = ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE);
        ReportingDuty initial = ReportingDuty.of("case-1", "r1", first).orElseThrow();
        assertEquals(VigilanceReportKind.INITIAL, initial.kind());
        assertEquals(DUE, initial.dueAt());
        ReportingDuty followUp =
                ReportingDuty.of("case-1", "r1", first.numbered(1)).orElseThrow();
        assertEquals(VigilanceReportKind.FOLLOW_UP, followUp.kind());
        assertEquals(1, followUp.followUpNumber());
        assertNotEquals(initial.reportId(), followUp.reportId());
        assertEquals(
                List.of(),
                ReportingDuty.of("case-1", "r1", ReportingClock.proposed("UK_MHRA", "x", DUE))
                        .orElseThrow()
                        .supersededIds()
                        .stream()
                        .filter(id -> id.equals(initial.reportId()))
                        .toList());
    }

    /**
     * 21 CFR 803.50, 803.53, 803.56, 806.10: the US clock's basis names the report: 30-day, 5-day,
     * supplemental, correction or removal.
     */
    @Test
    void aUsClockAsksForTheReportItsBasisNames() {
        assertEquals(VigilanceReportKind.INITIAL, kind("21 CFR 803.50", 0));
        assertEquals(VigilanceReportKind.SUPPLEMENTAL, kind("21 CFR 803.50", 1));
        assertEquals(VigilanceReportKind.FIVE_DAY, kind(CaseDuties.FIVE_DAY_REPORT, 0));
        assertEquals(VigilanceReportKind.SUPPLEMENTAL, kind(CaseDuties.SUPPLEMENTAL_REPORT, 1));
        assertEquals(VigilanceReportKind.CORRECTION_REMOVAL, kind(CaseDuties.CORRECTION_REPORT, 0));
        ReportingDuty correction =
                ReportingDuty.ofCase("case-1", ReportingClock.proposed("US_FDA", CaseDuties.CORRECTION_REPORT, DUE));
        assertEquals(VigilanceReportKind.CORRECTION_REMOVAL, correction.kind());
        assertNull(correction.incidentReportId());
        assertEquals(List.of(), correction.supersededIds());
    }

    /** MDR Art. 89(5): the final report's clock asks for the FINAL report, which supersedes a follow-up's draft. */
    @Test
    void aFinalReportsClockAsksForTheFinalReport() {
        ReportingClock finalReport =
                ReportingClock.proposed("EU_MDR", CaseDuties.FINAL_REPORT, DUE).numbered(1);
        ReportingDuty duty = ReportingDuty.of("case-1", "r1", finalReport).orElseThrow();
        assertEquals(VigilanceReportKind.FINAL, duty.kind());
        assertTrue(duty.clocked());
        ReportingDuty followUp = ReportingDuty.of(
                        "case-1",
                        "r1",
                        ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE).numbered(1))
                .orElseThrow();
        assertTrue(duty.supersededIds().contains(followUp.reportId()));
        assertTrue(followUp.supersededIds().contains(duty.reportId()));
        assertEquals(
                VigilanceReportKind.FINAL,
                ReportingDuty.of("case-1", "r1", ReportingClock.proposed("UK_MHRA", CaseDuties.UK_FINAL_REPORT, DUE))
                        .orElseThrow()
                        .kind());
    }

    /** The id follows from the duty alone, so a redelivered or replayed event drafts nothing twice. */
    @Test
    void theSameDutyNamesTheSameReportAndAnotherKindSupersedesIt() {
        ReportingClock thirtyDay = ReportingClock.proposed("US_FDA", "21 CFR 803.50", DUE);
        ReportingDuty first = ReportingDuty.of("case-1", "r1", thirtyDay).orElseThrow();
        assertEquals(
                first.reportId(),
                ReportingDuty.of("case-1", "r1", thirtyDay).orElseThrow().reportId());
        assertNotEquals(
                first.reportId(),
                ReportingDuty.of("case-1", "r2", thirtyDay).orElseThrow().reportId());
        ReportingDuty fiveDay = ReportingDuty.of("case-1", "r1", thirtyDay.due(CaseDuties.FIVE_DAY_REPORT, AWARE))
                .orElseThrow();
        assertTrue(fiveDay.supersededIds().contains(first.reportId()));
        assertFalse(fiveDay.supersededIds().contains(fiveDay.reportId()));
    }

    @Test
    void aRegimeWithoutDocumentsAsksForNoReport() {
        assertEquals(Optional.empty(), ReportingDuty.of("case-1", "r1", ReportingClock.proposed("JP_PMDA", "x", DUE)));
    }

    /** The draft's document: the case's facts, regulatory affairs' additions, nothing invented. */
    @Test
    void aDraftIsMadeFromTheCaseAndRegulatoryAffairsAdditions() {
        Incident incident =
                Incidents.overdose("r1", AWARE, "4.2.1", List.of(ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE)));
        ReportingDuty duty =
                ReportingDuty.of("case-1", "r1", incident.clocks().get(0)).orElseThrow();
        DraftContent content = new DraftContent(
                "A bolus ten times too large",
                List.of(Reports.DOSE_CALCULATION_ERROR),
                List.of(Reports.HYPOGLYCEMIA),
                List.of(Reports.OVERDOSE),
                Reports.investigationUnderWay());
        VigilanceReportDocument document = new DraftDocument(
                        duty,
                        duty.reportId(),
                        Reports.manufacturer(),
                        new RegisteredProduct("Insulin pump X", "08712345000018", List.of("DE", "US")),
                        incident,
                        null,
                        content,
                        AWARE.plusSeconds(86400),
                        null)
                .compose(LocalDate.parse("2026-12-01"));
        assertEquals("Competent authority of DE", document.administrative().competentAuthority());
        assertEquals(LocalDate.parse("2026-11-23"), document.administrative().awareOn());
        assertEquals(LocalDate.parse("2026-11-24"), document.administrative().reportableAwareOn());
        assertNull(document.administrative().previousReference());
        assertEquals("Insulin pump X", document.device().name());
        assertEquals("4.2.1", document.device().softwareVersion());
        assertEquals(PatientOutcome.SERIOUS_INJURY, document.incident().patientOutcome());
        assertEquals(List.of(Reports.OVERDOSE), document.incident().healthImpacts());
        assertEquals("A bolus ten times too large", document.incident().narrative());
        assertEquals(Reports.investigationUnderWay(), document.investigation());
        // the documents' own rules accept it: an initial MIR with the investigation under way
        assertEquals(MirReportType.INITIAL, MirReportType.of(duty.kind(), document.investigation()));
    }

    /** The hazard catalogue's codes stand in a draft until regulatory affairs codes their annex. */
    @Test
    void aDraftTakesTheHazardCataloguesCodesUntilRegulatoryAffairsCodeTheAnnex() {
        Incident incident = Incidents.coded(
                Incidents.overdose("r1", AWARE, "4.2.1", List.of(ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE))),
                List.of(
                        new ImdrfTerm("A0901", "Audible Prompt/Feedback Problem", "2021"),
                        new ImdrfTerm("F1005", "Overdose", "2021")));
        ReportingDuty duty =
                ReportingDuty.of("case-1", "r1", incident.clocks().get(0)).orElseThrow();
        DraftContent content =
                new DraftContent(null, List.of(Reports.DOSE_CALCULATION_ERROR), List.of(), List.of(), null);
        VigilanceReportDocument document = new DraftDocument(
                        duty, duty.reportId(), Reports.manufacturer(), null, incident, null, content, null, null)
                .compose(LocalDate.parse("2026-12-01"));
        assertEquals(
                List.of(Reports.DOSE_CALCULATION_ERROR), document.incident().deviceProblems());
        assertEquals(List.of(), document.incident().clinicalSigns());
        assertEquals(
                List.of(new CodedTerm("F1005", "Overdose", "2021")),
                document.incident().healthImpacts(),
                "the release it was coded with");
    }

    /** A follow-up names the reference of the report the authority took before it. */
    @Test
    void aFollowUpNamesTheReportBeforeItAndAnUnknownOutcomeStaysUnknown() {
        ReportingClock submitted = ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE)
                .submitted(new ReportingClock.Submission("MIR-1", AWARE));
        Incident incident = Incidents.overdose("r1", AWARE, "4.2.1", List.of(submitted))
                .withClocks(
                        List.of(ReportingClock.proposed("EU_MDR", "Art. 87(3)", DUE)
                                .numbered(1)),
                        "follow-up report r2",
                        AWARE);
        ReportingDuty duty =
                ReportingDuty.of("case-1", "r1", incident.clocks().get(0)).orElseThrow();
        VigilanceReportDocument document = new DraftDocument(
                        duty, duty.reportId(), Reports.manufacturer(), null, incident, null, null, null, null)
                .compose(LocalDate.parse("2026-12-01"));
        assertEquals("MIR-1", document.administrative().previousReference());
        assertEquals(1, document.administrative().followUpNumber());
        assertNull(document.device().name());
        assertNull(document.administrative().reportableAwareOn());
        assertEquals(PatientOutcome.UNKNOWN, DraftDocument.outcome(null));
        assertEquals(PatientOutcome.DEATH, DraftDocument.outcome("DEATH"));
        ReportingDuty correction =
                ReportingDuty.ofCase("case-1", ReportingClock.proposed("US_FDA", CaseDuties.CORRECTION_REPORT, DUE));
        VigilanceReportDocument ofCase = new DraftDocument(
                        correction,
                        correction.reportId(),
                        Reports.manufacturer(),
                        null,
                        null,
                        Reports.fsca(),
                        null,
                        null,
                        null)
                .compose(LocalDate.parse("2026-12-01"));
        assertNull(ofCase.incident());
        assertEquals("FDA CDRH", ofCase.administrative().competentAuthority());
    }

    /**
     * MDR Art. 87(1)(b), 87(8): one EU FSCA report for every Member State concerned, one GB report, due when
     * the FSCA was decided; the US has its 806 report, Canada and Australia no FSCA report document.
     */
    @Test
    void anFscaIsReportedOncePerRegimeThatTakesTheReportDueWhenDecided() {
        List<Authorities.Authority> concerned = Authorities.concerned(
                new RegisteredProduct("Insulin pump X", "08712345000018", List.of("AT", "AU", "CA", "DE", "GB", "US")),
                List.of("FR"));
        List<ReportingDuty> duties = FscaReports.due("case-1", AWARE, concerned);
        assertEquals(
                List.of(Regime.EU_MDR, Regime.UK_MHRA),
                duties.stream().map(ReportingDuty::regime).toList());
        assertTrue(duties.stream()
                .allMatch(d -> d.kind() == VigilanceReportKind.FSCA && d.dueAt().equals(AWARE)));
        assertTrue(duties.stream().allMatch(d -> d.incidentReportId() == null && !d.clocked()));
        assertEquals(
                List.of(FscaReports.EU_BASIS, FscaReports.UK_BASIS),
                duties.stream().map(ReportingDuty::basis).toList());
        assertEquals(duties.stream().map(ReportingDuty::reportId).toList(), FscaReports.ids("case-1"));
        assertEquals(
                duties.get(0).reportId(),
                FscaReports.due("case-1", DUE, Authorities.concerned(null, List.of("DE")))
                        .get(0)
                        .reportId());
        assertEquals(List.of(), FscaReports.due("case-1", AWARE, Authorities.concerned(null, List.of())));
    }

    /** MDR Art. 88: one EU trend report per episode, due when the increase was established; no clock. */
    @Test
    void eachTrendEpisodeIsReportedToTheEuDueWhenRaised() {
        TrendSignal signal = signal("signal-1");
        ReportingDuty trend = TrendReports.due("case-1", signal);
        assertEquals(VigilanceReportKind.TREND, trend.kind());
        assertEquals(Regime.EU_MDR, trend.regime());
        assertEquals(TrendReports.BASIS, trend.basis());
        assertEquals(signal.raisedAt(), trend.dueAt());
        assertFalse(trend.clocked());
        assertEquals(trend.reportId(), TrendReports.due("case-1", signal).reportId());
        assertNotEquals(
                trend.reportId(), TrendReports.due("case-1", signal("signal-2")).reportId());
        assertTrue(ReportingDuty.ofCase("case-1", ReportingClock.proposed("US_FDA", CaseDuties.CORRECTION_REPORT, DUE))
                .clocked());
    }

    /** The trend report's document carries the episode as the signal established it, and the codes added. */
    @Test
    void aTrendDraftCarriesItsEpisode() {
        ReportingDuty duty = TrendReports.due("case-1", signal("signal-1"));
        DraftContent content = new DraftContent(null, List.of(Reports.DOSE_CALCULATION_ERROR), null, null, null);
        VigilanceReportDocument document = new DraftDocument(
                        duty,
                        duty.reportId(),
                        Reports.manufacturer(),
                        null,
                        null,
                        null,
                        content,
                        null,
                        signal("signal-1"))
                .compose(LocalDate.parse("2026-12-01"));
        VigilanceReportDocument.Trend trend = document.trend();
        assertEquals(LocalDate.parse("2026-11-16"), trend.periodStart());
        assertEquals(LocalDate.parse("2026-11-23"), trend.periodEnd());
        assertEquals(12, trend.observed());
        assertEquals("statistically significant increase: 12 reports observed against 2.5 expected", trend.result());
        assertEquals(List.of(Reports.DOSE_CALCULATION_ERROR), trend.deviceProblems());
        assertNull(new DraftDocument(duty, duty.reportId(), null, null, null, null, null, null, null)
                .compose(LocalDate.parse("2026-12-01"))
                .trend());
    }

    private static TrendSignal signal(String id) {
        return new TrendSignal(
                id,
                "dose-calculator",
                "F-DOSE",
                Instant.parse("2026-11-16T09:00:00Z"),
                AWARE,
                12,
                2.5,
                "Poisson",
                AWARE);
    }

    /**
     * MDR Art. 87(9): a clock a periodic summary covers proposes no report of its own; the summary's document
     * lists each incident with the agreed problem's codes and is valid against its schema.
     */
    @Test
    void aPeriodicSummaryAnswersTheClocksItCoversAndListsTheirIncidents() {
        assertEquals(
                Optional.empty(),
                ReportingDuty.of("case-1", "r1", ReportingClock.proposed("EU_MDR", CaseDuties.PERIODIC_SUMMARY, DUE)));
        ReportingDuty duty = new ReportingDuty(
                "case-1",
                null,
                Regime.EU_MDR,
                VigilanceReportKind.PERIODIC_SUMMARY,
                CaseDuties.PERIODIC_SUMMARY,
                DUE,
                0);
        SummaryPeriod period = new SummaryPeriod(
                "agreement-1",
                "BfArM (DE)",
                "PSR-1",
                1,
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-15"),
                List.of(Reports.DOSE_CALCULATION_ERROR));
        VigilanceReportDocument document = new SummaryDraft(
                        duty,
                        "psr-1",
                        Reports.manufacturer(),
                        new RegisteredProduct("Insulin pump X", "08712345000018", List.of("DE")),
                        period,
                        List.of(
                                Incidents.overdose("r1", AWARE, "4.2.1", List.of()),
                                Incidents.overdose("r2", AWARE.plusSeconds(86400), "4.2.1", List.of())))
                .compose(LocalDate.parse("2026-12-10"));
        assertEquals("BfArM (DE)", document.administrative().competentAuthority());
        assertEquals(
                VigilanceReportKind.PERIODIC_SUMMARY, document.administrative().kind());
        assertNull(document.incident());
        VigilanceReportDocument.PeriodicSummary summary = document.periodicSummary();
        assertEquals(LocalDate.parse("2026-12-15"), summary.dueOn());
        assertEquals(
                List.of("r1", "r2"),
                summary.incidents().stream()
                        .map(VigilanceReportDocument.ListedIncident::manufacturerReference)
                        .toList());
        assertEquals(LocalDate.parse("2026-11-24"), summary.incidents().get(1).awareOn());
        assertEquals(PatientOutcome.SERIOUS_INJURY, summary.incidents().get(0).patientOutcome());
        assertEquals(
                List.of(Reports.DOSE_CALCULATION_ERROR),
                summary.incidents().get(0).deviceProblems());
        String xml = new String(
                new org.fieldsafety.fsca.vigilance.render.VigilanceDocuments()
                        .xml(document)
                        .content(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<manufacturerReference>r2</manufacturerReference>"), xml);
        assertNull(new SummaryDraft(duty, "psr-1", Reports.manufacturer(), null, period, List.of())
                .compose(LocalDate.parse("2026-12-10"))
                .device()
                .name());
    }

    @Test
    void everyRegimeHasItsAuthority() {
        assertEquals("MHRA", DraftDocument.competentAuthority(Regime.UK_MHRA, "GB"));
        assertEquals("Health Canada", DraftDocument.competentAuthority(Regime.CA_HC, "CA"));
        assertEquals("TGA", DraftDocument.competentAuthority(Regime.AU_TGA, "AU"));
        assertEquals(
                "Competent authority of the Member State concerned",
                DraftDocument.competentAuthority(Regime.EU_MDR, null));
    }

    /** IMDRF codes are validated against the shipped release; an unknown one is named. */
    @Test
    void imdrfCodesAreValidatedAgainstTheShippedRelease() {
        ShippedImdrfCodes codes = ShippedImdrfCodes.load();
        List<CodedTerm> known = codes.require('A', List.of("a110202", "A110202"));
        assertEquals(1, known.size());
        assertEquals("A110202", known.get(0).code());
        assertEquals("2022", known.get(0).release());
        assertEquals(
                "Convulsion, Clonic",
                codes.require('E', List.of("E010901")).get(0).term());
        InvalidInput unknown =
                assertThrows(InvalidInput.class, () -> codes.require('A', List.of("A110202", "A9999", "E0119")));
        assertTrue(unknown.getMessage().contains("A9999, E0119"), unknown.getMessage());
        assertThrows(InvalidInput.class, () -> codes.require('B', java.util.Arrays.asList((String) null)));
    }

    private static VigilanceReportKind kind(String basis, int followUpNumber) {
        return ReportingDuty.of(
                        "case-1",
                        "r1",
                        ReportingClock.proposed("US_FDA", basis, DUE).numbered(followUpNumber))
                .orElseThrow()
                .kind();
    }
}
