package org.fieldsafety.triage.problem.api;

import java.time.Instant;
import java.util.SortedSet;
import org.fieldsafety.triage.problem.ProblemEntity;

/**
 * A problem (IEC 62304 9.1): the reports of one fault of one software item of one product, with its trend
 * state (MDR Art. 88).
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
     * The last trend evaluation: reports observed in the recent window, the count expected from the
     * baseline, the one-sided Poisson p-value, and since when the current episode runs (null when none).
     * The numbers are null before the first evaluation.
     */
    public record Trend(
            boolean signal, Long observed, Double expected, Double pValue, Instant since, Instant evaluatedAt) {

        static final Trend NONE = new Trend(false, null, null, null, null, null);

        static Trend of(ProblemEntity problem) {
            return problem == null
                    ? NONE
                    : new Trend(
                            problem.trendSignal,
                            problem.trendObserved,
                            problem.trendExpected,
                            problem.trendPValue,
                            problem.trendSince,
                            problem.trendEvaluatedAt);
        }
    }
}
