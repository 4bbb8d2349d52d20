package org.fieldsafety.triage.problem.api;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.fieldsafety.triage.problem.ProblemEntity;

/**
 * A problem (IEC 62304 9.1): the reports of one fault of one software item of one product, with its trend
 * state (MDR Art. 88); {@code occurrences} counts events, not the follow-up information on them.
 */
public record ProblemView(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        long occurrences,
        Instant firstSeen,
        Instant lastSeen,
        SortedSet<String> softwareVersions,
        SortedSet<String> countries,
        Trend trend) {

    /**
     * The last trend evaluation (MDR Art. 88): its test (FORESEEN_RATE or OWN_BASELINE), what it found
     * (FREQUENCY, SEVERITY), the non-serious reports observed in the recent window, the count foreseen or
     * expected, the one-sided Poisson p-value, the devices in use, the result in words, and since when the
     * current episode runs (null when none). Null before the first evaluation.
     */
    public record Trend(
            boolean signal,
            String test,
            List<String> findings,
            Long observed,
            Double expected,
            Double pValue,
            Double devicesInUse,
            String result,
            Instant since,
            Instant evaluatedAt) {

        static final Trend NONE = new Trend(false, null, List.of(), null, null, null, null, null, null, null);

        static Trend of(ProblemEntity problem) {
            return problem == null
                    ? NONE
                    : new Trend(
                            problem.trendSignal,
                            problem.trendTest,
                            problem.trendFindings == null || problem.trendFindings.isEmpty()
                                    ? List.of()
                                    : List.of(problem.trendFindings.split(",")),
                            problem.trendObserved,
                            problem.trendExpected,
                            problem.trendPValue,
                            problem.trendDevicesInUse,
                            problem.trendResult,
                            problem.trendSince,
                            problem.trendEvaluatedAt);
        }
    }
}
