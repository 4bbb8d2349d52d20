package org.fieldsafety.triage.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fieldsafety.triage.problem.TrendDetector.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MDR Art. 88 / IEC 62304 9.6 trend detection: one-sided Poisson test, one signal per episode. */
class TrendDetectorTest {

    /** The defaults: 7-day window, 90-day baseline, alpha 0.01, at least 3 reports, at least 0.1 a day. */
    static final TrendDetector DEFAULTS = new TrendDetector(Duration.ofDays(7), Duration.ofDays(90), 0.01, 3, 0.1);

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

    @ParameterizedTest(name = "MDR Art. 88: {0} in 7 days, {1} in the 90 before -> expected {2}, significant {3}")
    @CsvSource({
        "20, 90, 7.0, true", // three times the usual weekly rate
        "10, 90, 7.0, false", // within the usual variation (p = 0.17)
        "0, 90, 7.0, false",
        "4, 0, 0.7, true", // a new problem against the minimum rate of 0.1 a day (p = 0.006)
        "3, 0, 0.7, false", // p = 0.034
        "2, 0, 0.7, false", // below the minimum count
        "4, 3, 0.7, true" // a sparse baseline counts as the minimum rate
    })
    void significance(long observed, long baseline, double expected, boolean significant) {
        TrendDetector.Assessment assessment = DEFAULTS.assess(observed, baseline);
        assertEquals(expected, assessment.expected(), 1e-9);
        assertEquals(significant, assessment.significant());
    }

    @Test
    void aFirstHandfulOfReportsDoesNotFireHoweverSmallTheExpectedCount() {
        TrendDetector sensitive = new TrendDetector(Duration.ofDays(7), Duration.ofDays(90), 0.01, 3, 0.001);
        assertEquals(false, sensitive.assess(2, 0).significant(), "p = 2.4e-5 but only 2 reports");
        assertEquals(true, sensitive.assess(3, 0).significant());
    }

    @ParameterizedTest(name = "in signal state {0}, significant {1} -> {2}")
    @CsvSource({"false, true, RAISE", "true, true, CONTINUE", "true, false, END", "false, false, QUIET"})
    void transitions(boolean signalling, boolean significant, Transition transition) {
        TrendDetector.Assessment assessment = new TrendDetector.Assessment(5, 0, 0.7, 0.001, significant);
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
            Transition transition = TrendDetector.transition(signalling, DEFAULTS.assess(Long.parseLong(count), 0));
            seen.add(transition);
            signalling = transition.signalling();
        }
        assertEquals(
                Arrays.stream(transitions.split(" ")).map(Transition::valueOf).toList(), seen);
    }
}
