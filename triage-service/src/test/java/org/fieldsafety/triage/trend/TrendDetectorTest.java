package org.fieldsafety.triage.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fieldsafety.triage.classification.ProductEntry.DevicesInUse;
import org.fieldsafety.triage.classification.ProductEntry.Foreseen;
import org.fieldsafety.triage.classification.ProductEntry.ForeseenRate;
import org.fieldsafety.triage.trend.TrendDetector.Finding;
import org.fieldsafety.triage.trend.TrendDetector.Test;
import org.fieldsafety.triage.trend.TrendDetector.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MDR Art. 88 trend detection against the rate the PMS plan foresees (Art. 84, Annex III) for the devices in
 * use, by frequency and by severity, with the problem's own recent past where nothing is foreseen (IEC 62304
 * 9.6); a one-sided Poisson test, one signal per episode.
 */
class TrendDetectorTest {

    /** The defaults: 7-day window, 90-day baseline, alpha 0.01, at least 3 reports, at least 0.1 a day. */
    static final TrendDetector DEFAULTS = new TrendDetector(Duration.ofDays(7), Duration.ofDays(90), 0.01, 3, 0.1);

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    /** Exactly one month of the window: 7 days = 7 / 30.4375 months. */
    static final double WINDOW_MONTHS = 7 / 30.4375;

    /** The PMS plan foresees 1 report per 1,000 devices a month, 0.1 of them of severity 3. */
    static final Foreseen FORESEEN =
            new Foreseen("PMS plan PMP-7 section 4.2", List.of(new ForeseenRate(1, 0.9), new ForeseenRate(3, 0.1)));

    @ParameterizedTest(name = "Poisson P(X >= {0} | lambda {1}) = {2}")
    @CsvSource({
        "0, 3.0, 1.0",
        "1, 1.0, 0.6321205588285577",
        "3, 0.7, 0.034141584125708446",
        "4, 0.7, 0.005753457592299505",
        "10, 7.0, 0.16950406276132646",
        "20, 7.0, 4.4402476539695535e-05",
        "900, 1000.0, 0.99937740221572495",
        "1000, 1000.0, 0.50420524418021551",
        "1100, 1000.0, 0.00096263040586655716"
    })
    void upperTail(long k, double lambda, double expected) {
        assertEquals(expected, TrendDetector.upperTail(k, lambda), expected * 1e-9);
    }

    @ParameterizedTest(name = "nothing expected: P(X >= {0}) = {1}")
    @CsvSource({"0, 1.0", "1, 0.0"})
    void nothingForeseen(long observed, double pValue) {
        assertEquals(pValue, TrendDetector.pValue(observed, 0));
    }

    @ParameterizedTest(
            name = "MDR Art. 88 fallback: {0} in 7 days, {1} in the 90 before -> expected {2}, significant {3}")
    @CsvSource({
        "20, 90, 7.0, true", // three times the usual weekly rate
        "10, 90, 7.0, false", // within the usual variation (p = 0.17)
        "0, 90, 7.0, false",
        "4, 0, 0.7, true", // a new problem against the minimum rate of 0.1 a day (p = 0.006)
        "3, 0, 0.7, false", // p = 0.034
        "2, 0, 0.7, false", // below the minimum count
        "4, 3, 0.7, true" // a sparse baseline counts as the minimum rate
    })
    void ownBaselineWhereNothingIsForeseen(long observed, long baseline, double expected, boolean significant) {
        TrendDetector.Assessment assessment =
                DEFAULTS.assess(counts(observed, 1, baseline), null, new InstalledBase(List.of()), NOW);
        assertEquals(Test.OWN_BASELINE, assessment.test());
        assertEquals(expected, assessment.expected(), 1e-9);
        assertEquals(significant, assessment.significant());
        assertTrue(assessment.result().contains("nothing is foreseen for this problem"), assessment.result());
    }

    @org.junit.jupiter.api.Test
    void aForeseenRateWithoutDevicesInUseFallsBackAndSaysWhy() {
        TrendDetector.Assessment assessment =
                DEFAULTS.assess(counts(5, 1, 0), FORESEEN, new InstalledBase(List.of()), NOW);
        assertEquals(Test.OWN_BASELINE, assessment.test());
        assertTrue(assessment.result().contains("registry records no devices in use"), assessment.result());
    }

    /**
     * A problem that has run at 20 a week from the start where 1 a week was foreseen signals (its own past
     * would hide it); the foreseen count follows the devices in use.
     */
    @ParameterizedTest(name = "{0} reports of severity {1} among {2} devices -> {3} foreseen, findings [{4}]")
    @CsvSource({
        // 1 per 1,000 a month x 4,348 devices x 7/30.44 months = 1 a week foreseen; 20 observed
        "20, 1, 4348, 1.0, FREQUENCY",
        "1, 1, 4348, 1.0, ''",
        // the same 20 from 87,000 devices: as foreseen
        "20, 1, 86960, 20.0, ''",
        // few reports, but all severity 3 where 0.1 of the rate is: an increase in severity only
        "4, 3, 4348, 1.0, SEVERITY",
        "20, 3, 4348, 1.0, FREQUENCY SEVERITY"
    })
    void againstTheForeseenRate(long observed, int severity, long devices, double expected, String findings) {
        TrendDetector.Assessment assessment = DEFAULTS.assess(
                counts(observed, severity, 0),
                FORESEEN,
                new InstalledBase(List.of(new DevicesInUse("1.0", NOW.minus(Duration.ofDays(400)), devices))),
                NOW);
        assertEquals(Test.FORESEEN_RATE, assessment.test());
        assertEquals(findings(findings), assessment.findings());
        assertEquals((double) devices, assessment.devicesInUse(), 1e-6);
        assertEquals(1.0, assessment.foreseenRate());
        assertEquals("PMS plan PMP-7 section 4.2", assessment.foreseenSource());
        if (!findings.equals("SEVERITY")) {
            assertEquals(expected, assessment.expected(), 0.01);
            assertEquals(observed, assessment.observed());
        } else {
            assertEquals(0.1, assessment.expected(), 0.01, "severity 3 or worse foreseen");
        }
        assertTrue(
                assessment.result().startsWith("Against the PMS plan (PMS plan PMP-7 section 4.2"),
                assessment.result());
    }

    /** A doubling of the installed base within the window doubles what is foreseen for its rest. */
    @org.junit.jupiter.api.Test
    void aWindowOverAChangeOfTheInstalledBase() {
        InstalledBase base = new InstalledBase(List.of(
                new DevicesInUse("1.0", NOW.minus(Duration.ofDays(400)), 10_000L),
                new DevicesInUse("2.0", NOW.minus(Duration.ofDays(3)).minus(Duration.ofHours(12)), 10_000L)));
        double months = 7 / 30.4375;
        assertEquals(10_000 * months * 1.5, base.deviceMonths(NOW.minus(Duration.ofDays(7)), NOW), 1e-6);
        assertEquals(15_000, base.averageDevices(NOW.minus(Duration.ofDays(7)), NOW), 1e-6);
        assertEquals(20_000, base.devicesAt(NOW));
        assertEquals(0, base.devicesAt(NOW.minus(Duration.ofDays(500))));
        // 7 reports: 2.3 foreseen with 10,000 devices, 3.45 with the doubled base: not a trend
        TrendDetector.Assessment assessment =
                DEFAULTS.assess(counts(7, 1, 0), new Foreseen("PMP", List.of(new ForeseenRate(1, 1.0))), base, NOW);
        assertEquals(15_000 * WINDOW_MONTHS / 1000, assessment.expected(), 1e-6);
        assertEquals(List.of(), assessment.findings());
    }

    @org.junit.jupiter.api.Test
    void theLatestCountOfAVersionReplacesItsEarlierOne() {
        InstalledBase base = new InstalledBase(List.of(
                new DevicesInUse("1.0", NOW.minus(Duration.ofDays(100)), 5_000L),
                new DevicesInUse("1.0", NOW.minus(Duration.ofDays(50)), 2_000L)));
        assertEquals(2_000, base.devicesAt(NOW));
        assertEquals(5_000, base.devicesAt(NOW.minus(Duration.ofDays(60))));
    }

    @org.junit.jupiter.api.Test
    void aFirstHandfulOfReportsDoesNotFireHoweverSmallTheExpectedCount() {
        TrendDetector sensitive = new TrendDetector(Duration.ofDays(7), Duration.ofDays(90), 0.01, 3, 0.001);
        InstalledBase none = new InstalledBase(List.of());
        assertEquals(false, sensitive.assess(counts(2, 1, 0), null, none, NOW).significant(), "only 2 reports");
        assertEquals(true, sensitive.assess(counts(3, 1, 0), null, none, NOW).significant());
    }

    @ParameterizedTest(name = "window {0}, baseline {1}, alpha {2}, minimum {3}, rate {4} is refused")
    @CsvSource({
        "PT0S, P90D, 0.01, 3, 0.1",
        "P7D, P90D, 1.0, 3, 0.1",
        "P7D, P90D, 0.01, 0, 0.1",
        "P7D, -P1D, 0.01, 3, 0.1"
    })
    void badParametersAreRefused(Duration window, Duration baseline, double alpha, long minimum, double rate) {
        assertThrows(IllegalArgumentException.class, () -> new TrendDetector(window, baseline, alpha, minimum, rate));
    }

    @ParameterizedTest(name = "in signal state {0}, significant {1} -> {2}")
    @CsvSource({"false, true, RAISE", "true, true, CONTINUE", "true, false, END", "false, false, QUIET"})
    void transitions(boolean signalling, boolean significant, Transition transition) {
        TrendDetector.Assessment assessment = new TrendDetector.Assessment(
                Test.OWN_BASELINE,
                significant ? List.of(Finding.FREQUENCY) : List.of(),
                5,
                0.7,
                0.001,
                null,
                null,
                null,
                "");
        assertEquals(transition, TrendDetector.transition(signalling, assessment));
    }

    @ParameterizedTest(name = "weekly counts {0} (no baseline) -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 2 4 5 8 | QUIET QUIET RAISE CONTINUE CONTINUE", // once per episode
                "4 6 2 1 4 6 | RAISE CONTINUE END QUIET RAISE CONTINUE", // re-armed after the episode ended
                "3 3 3 | QUIET QUIET QUIET"
            })
    void oneSignalPerEpisode(String counts, String transitions) {
        boolean signalling = false;
        List<Transition> seen = new ArrayList<>();
        for (String count : counts.split(" ")) {
            Transition transition = TrendDetector.transition(
                    signalling,
                    DEFAULTS.assess(counts(Long.parseLong(count), 1, 0), null, new InstalledBase(List.of()), NOW));
            seen.add(transition);
            signalling = transition.signalling();
        }
        assertEquals(
                Arrays.stream(transitions.split(" ")).map(Transition::valueOf).toList(), seen);
    }

    @org.junit.jupiter.api.Test
    void theMethodNamesItsParameters() {
        assertTrue(DEFAULTS.method().contains("window=PT168H"), DEFAULTS.method());
    }

    /** MDR Art. 88: serious incidents (reported under Art. 87) and follow-up information do not count. */
    @ParameterizedTest(name = "serious {0}, new event {1} -> counted {2}")
    @CsvSource(
            value = {"false, true, 2", "true, true, NULL", "false, false, NULL", "true, false, NULL"},
            nullValues = "NULL")
    void whatATrendCounts(boolean serious, boolean newEvent, Integer counted) {
        assertEquals(counted, TrendCounting.countedSeverity(serious, newEvent, 2));
    }

    private static TrendCounts counts(long recent, int severity, long baseline) {
        TrendCounts counts = new TrendCounts();
        counts.addRecent(severity, recent);
        counts.addBaseline(baseline);
        return counts;
    }

    private static List<Finding> findings(String names) {
        return names.isBlank()
                ? List.of()
                : Arrays.stream(names.split(" ")).map(Finding::valueOf).toList();
    }
}
