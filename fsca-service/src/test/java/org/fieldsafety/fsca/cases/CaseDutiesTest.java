package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.fieldsafety.platform.time.UsFederalHolidays;
import org.fieldsafety.platform.time.UsWorkDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The US duties that follow from the case (21 CFR 803.53, 803.56, 806.10), and how clocks change over time. */
class CaseDutiesTest {

    private static final CaseDuties DUTIES = new CaseDuties(new UsWorkDays(new UsFederalHolidays(Set.of())));
    private static final Instant AWARE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Signature SIGNED =
            new Signature("ra", "Rita Affairs", SignatureMeaning.APPROVAL, Instant.parse("2026-11-21T00:00:00Z"));

    /**
     * 21 CFR 803.53: 5 work days (803.3) from the trigger or the event's own awareness, whichever is later;
     * weekends and federal holidays (Thanksgiving 2026-11-26, Christmas 2026-12-25) are skipped.
     */
    @ParameterizedTest(name = "trigger {0}, aware {1}: due {2}")
    @CsvSource({
        // trigger (a Monday) after awareness: 5 work days from the trigger
        "2026-11-02T09:00:00Z, 2026-10-30T09:00:00Z, 2026-11-09T09:00:00Z",
        // over Thanksgiving
        "2026-11-20T10:00:00Z, 2026-11-20T10:00:00Z, 2026-11-30T10:00:00Z",
        // a trigger on a Saturday counts from Monday
        "2026-11-21T08:00:00Z, 2026-11-20T10:00:00Z, 2026-11-30T08:00:00Z",
        // an event the case learns of after the trigger: from its own awareness, over Christmas
        "2026-11-02T09:00:00Z, 2026-12-21T09:00:00Z, 2026-12-29T09:00:00Z",
    })
    void theFiveDayReportIsDueFiveWorkDaysAfterTheLaterOfTriggerAndAwareness(
            Instant trigger, Instant awareAt, Instant due) {
        ReportingClock thirtyDays =
                ReportingClock.proposed("US_FDA", "21 CFR 803.50", awareAt.plusSeconds(30 * 86400L));
        assertEquals(
                ReportingClock.proposed("US_FDA", CaseDuties.FIVE_DAY_REPORT, due),
                DUTIES.fiveDay(thirtyDays, trigger, awareAt));
    }

    @Test
    void theFiveDayReportLeavesOtherRegimesEndedClocksAndSoonerDeadlinesAlone() {
        ReportingClock mdr = ReportingClock.proposed("EU_MDR", "Art. 87(3)", AWARE.plusSeconds(86400));
        assertSame(mdr, DUTIES.fiveDay(mdr, AWARE, AWARE));
        ReportingClock ended = ReportingClock.proposed("US_FDA", "21 CFR 803.50", AWARE.plusSeconds(30 * 86400L))
                .decided(new ReportingClock.Decision(Reportability.NOT_REPORTABLE, "No", SIGNED, 3));
        assertSame(ended, DUTIES.fiveDay(ended, AWARE, AWARE));
        ReportingClock sooner = ReportingClock.proposed("US_FDA", "21 CFR 803.50", AWARE.plusSeconds(86400));
        assertSame(sooner, DUTIES.fiveDay(sooner, AWARE, AWARE));
    }

    /**
     * SOR/98-282 s.59(2): a serious incident abroad gets Health Canada's clock, 10 days from the corrective
     * action or its later awareness; one in Canada, without a country, or with Canada's clock already stays.
     */
    @ParameterizedTest(name = "incident in {0}, aware {1}: {2}")
    @CsvSource({
        "DE, 2026-11-20T10:00:00Z, 2026-12-01T09:00:00Z",
        "US, 2026-11-25T10:00:00Z, 2026-12-05T10:00:00Z",
        "CA, 2026-11-20T10:00:00Z, ''",
        "'', 2026-11-20T10:00:00Z, ''"
    })
    void aSeriousIncidentAbroadIsReportedToHealthCanadaOnceCorrectiveActionIsDecided(
            String country, Instant awareAt, String due) {
        Instant correctiveAction = Instant.parse("2026-11-21T09:00:00Z");
        List<ReportingClock> clocks =
                List.of(ReportingClock.proposed("EU_MDR", "Art. 87(3)", awareAt.plusSeconds(15 * 86400L)));
        List<ReportingClock> expected = due.isEmpty()
                ? clocks
                : List.of(
                        clocks.get(0),
                        ReportingClock.proposed("CA_HC", CaseDuties.FOREIGN_INCIDENT, Instant.parse(due)));
        assertEquals(
                expected,
                CaseDuties.foreignToCanada(clocks, country.isEmpty() ? null : country, correctiveAction, awareAt));
        List<ReportingClock> withCanada = List.of(ReportingClock.proposed("CA_HC", "SOR/98-282 s.60(1)(a)", awareAt));
        assertSame(withCanada, CaseDuties.foreignToCanada(withCanada, "DE", correctiveAction, awareAt));
    }

    /** 21 CFR 806.10(b): 10 working days from the start of the correction, over a holiday. */
    @ParameterizedTest(name = "started {0}: due {1}")
    @CsvSource({
        // Veterans Day 2026-11-11 falls in the ten days
        "2026-11-02T12:00:00Z, 2026-11-17T12:00:00Z",
        // Veterans Day and Thanksgiving 2026-11-26 after a start on the day before
        "2026-11-10T12:00:00Z, 2026-11-25T12:00:00Z",
        "2026-11-23T12:00:00Z, 2026-12-08T12:00:00Z",
    })
    void theCorrectionReportIsDueTenWorkDaysAfterTheCorrectionStarts(Instant started, Instant due) {
        assertEquals(ReportingClock.proposed("US_FDA", CaseDuties.CORRECTION_REPORT, due), DUTIES.correction(started));
    }

    @Test
    void anExtraClosingDayOfTheCalendarCounts() {
        CaseDuties withClosing =
                new CaseDuties(new UsWorkDays(new UsFederalHolidays(Set.of(LocalDate.of(2026, 11, 3)))));
        assertEquals(
                Instant.parse("2026-11-18T12:00:00Z"),
                withClosing.correction(Instant.parse("2026-11-02T12:00:00Z")).deadline());
    }

    /**
     * Per regime, by the state of the current clock: what a follow-up's new information does to it; a report
     * after a submitted one is its follow-up, numbered one more (MDR Art. 87(6); 21 CFR 803.56).
     */
    @ParameterizedTest(name = "{0} {1} clock, follow-up proposes {2} days: {3} due in {4} days, follow-up {5}")
    @CsvSource({
        // a running clock keeps the sooner deadline
        "EU_MDR, OPEN, 10, Art. 87(4), 10, 0",
        "EU_MDR, OPEN, 20, Art. 87(3), 15, 0",
        // a clock signed not reportable reopens with the new proposal: the new information is decided again
        "EU_MDR, NOT_REPORTABLE, 20, Art. 87(4), 20, 0",
        // a submitted FDA report: the supplemental report of 803.56, 30 days after the new information
        "US_FDA, SUBMITTED, 5, 21 CFR 803.56, 31, 1",
        // a submitted report of another regime: the follow-up report triage proposes
        "UK_MHRA, SUBMITTED, 20, Art. 87(4), 20, 1",
    })
    void aFollowUpChangesTheClockByItsState(
            String regime, ClockState state, int proposedDays, String basis, int dueDays, int followUpNumber) {
        ReportingClock current = inState(ReportingClock.proposed(regime, "Art. 87(3)", days(15)), state);
        ReportingClock proposed = ReportingClock.proposed(regime, "Art. 87(4)", days(proposedDays));
        List<ReportingClock> next = CaseDuties.followedUp(List.of(current), List.of(proposed), days(1));
        assertEquals(1, next.size());
        assertEquals(basis, next.get(0).basis());
        assertEquals(days(dueDays), next.get(0).deadline());
        assertEquals(followUpNumber, next.get(0).followUpNumber());
    }

    /**
     * MDR Art. 89(5): an EU or GB report the authority took is followed by the final report once the
     * investigation concluded; a final report taken, a running clock and another regime's stay.
     */
    @Test
    void theInvestigationsConclusionMakesEachReportedEuOrGbIncidentsFinalReportDue() {
        ReportingClock.Submission taken = new ReportingClock.Submission("R-1", days(2));
        ReportingClock eu =
                ReportingClock.proposed("EU_MDR", "Art. 87(3)", days(15)).submitted(taken);
        ReportingClock gb = ReportingClock.proposed("UK_MHRA", "Art. 87(3)", days(15))
                .numbered(1)
                .submitted(taken);
        ReportingClock us =
                ReportingClock.proposed("US_FDA", "21 CFR 803.50", days(30)).submitted(taken);
        ReportingClock running = ReportingClock.proposed("AU_TGA", "reg. 5.7", days(30));
        assertEquals(
                List.of(
                        ReportingClock.proposed("EU_MDR", CaseDuties.FINAL_REPORT, days(20))
                                .numbered(1),
                        ReportingClock.proposed("UK_MHRA", CaseDuties.UK_FINAL_REPORT, days(20))
                                .numbered(2),
                        us,
                        running),
                CaseDuties.finalReports(List.of(eu, gb, us, running), days(20)));
        ReportingClock finalTaken = ReportingClock.proposed("EU_MDR", CaseDuties.FINAL_REPORT, days(20))
                .numbered(1)
                .submitted(taken);
        assertEquals(List.of(finalTaken), CaseDuties.finalReports(List.of(finalTaken), days(30)));
        assertTrue(CaseDuties.isFinalReport(CaseDuties.UK_FINAL_REPORT));
        assertFalse(CaseDuties.isFinalReport("Art. 87(3)"));
    }

    @Test
    void aFollowUpAddsANewRegimeAndKeepsOneNotProposed() {
        ReportingClock mdr = ReportingClock.proposed("EU_MDR", "Art. 87(3)", days(15));
        ReportingClock canada = ReportingClock.proposed("CA_HC", "SOR/98-282 s.60", days(10));
        assertEquals(List.of(mdr, canada), CaseDuties.followedUp(List.of(mdr), List.of(canada), days(1)));
    }

    @Test
    void aReportTriagedAgainChangesOnlyItsRunningClocks() {
        ReportingClock running = ReportingClock.proposed("EU_MDR", "Art. 87(3)", days(15));
        ReportingClock submitted = ReportingClock.proposed("US_FDA", "21 CFR 803.50", days(30))
                .submitted(new ReportingClock.Submission("MDR-1", days(2)));
        List<ReportingClock> next = CaseDuties.reclassified(
                List.of(running, submitted),
                List.of(
                        ReportingClock.proposed("EU_MDR", "Art. 87(4)", days(10)),
                        ReportingClock.proposed("US_FDA", "21 CFR 803.50", days(20))));
        assertEquals(List.of(running.due("Art. 87(4)", days(10)), submitted), next);
    }

    @Test
    void aClockOpenPastItsDeadlineIsMissedAndAnEndedOneIsNot() {
        ReportingClock open = ReportingClock.proposed("EU_MDR", "Art. 87(3)", days(15));
        assertEquals(ClockState.OPEN, open.stateAt(days(15)));
        assertEquals(ClockState.MISSED, open.stateAt(days(16)));
        ReportingClock confirmed =
                open.decided(new ReportingClock.Decision(Reportability.REPORTABLE, "Serious", SIGNED, 2));
        assertTrue(confirmed.running());
        assertEquals(ClockState.MISSED, confirmed.stateAt(days(16)));
        ReportingClock ended =
                open.decided(new ReportingClock.Decision(Reportability.NOT_REPORTABLE, "No link", SIGNED, 2));
        assertFalse(ended.running());
        assertEquals(ClockState.NOT_REPORTABLE, ended.stateAt(days(16)));
        assertEquals(ClockState.OPEN, new ReportingClock("EU_MDR", "Art. 87(3)", days(1), null, null, null, 0).state());
    }

    private static ReportingClock inState(ReportingClock clock, ClockState state) {
        return switch (state) {
            case OPEN, MISSED -> clock;
            case NOT_REPORTABLE ->
                clock.decided(new ReportingClock.Decision(Reportability.NOT_REPORTABLE, "No", SIGNED, 2));
            case SUBMITTED -> clock.submitted(new ReportingClock.Submission("R-1", days(2)));
        };
    }

    private static Instant days(int days) {
        return AWARE.plusSeconds(days * 86400L);
    }

    @Test
    void anIncidentsNearestClockIsItsSoonestRunningOne() {
        ReportingClock soon = ReportingClock.proposed("EU_MDR", "Art. 87(4)", days(2));
        ReportingClock later = ReportingClock.proposed("US_FDA", "21 CFR 803.50", days(30));
        Incident incident = Incidents.overdose("r1", AWARE, "4.2.1", List.of(later, soon));
        assertEquals(soon, incident.nearestClock());
        assertEquals(later, incident.clock("US_FDA").orElseThrow());
        Incident ended = incident.withClock(
                "EU_MDR", c -> c.submitted(new ReportingClock.Submission("M", days(1))), "submitted", days(1));
        assertEquals(later, ended.nearestClock());
        assertEquals(1, ended.clockHistory().size());
        assertEquals(List.of(), new RegisteredProduct("X", null, null).markets());
    }
}
