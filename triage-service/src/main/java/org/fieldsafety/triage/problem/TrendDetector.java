package org.fieldsafety.triage.problem;

import java.time.Duration;

/**
 * Trend detection for MDR Art. 88 (statistically significant increase in the frequency of incidents) and
 * IEC 62304 clause 9.6 (analyse problems for trends), per problem.
 *
 * <p>Method: a one-sided Poisson test. The reports of the problem in the recent window (default 7 days) are
 * the observed count k; the reports in the baseline window before it (default the 90 days before) give
 * the expected rate, floored at a minimum daily rate so that a new problem without a baseline (or with a
 * very sparse one) is compared against that minimum. The expected count is lambda = rate x window length.
 * The p-value is P(X >= k) for X ~ Poisson(lambda); the count is significant when p < alpha (default 0.01)
 * and k is at least the minimum count (default 3), so that a first handful of reports does not fire.
 *
 * <p>Episodes: a problem raises a signal when it becomes significant and stays in signal state, raising
 * nothing more, until an evaluation finds it no longer significant; then it is re-armed.
 */
public record TrendDetector(
        Duration window, Duration baseline, double alpha, long minimumCount, double minimumDailyRate) {

    private static final double SECONDS_PER_DAY = 86_400;

    public TrendDetector {
        if (window.isNegative() || window.isZero() || baseline.isNegative() || baseline.isZero()) {
            throw new IllegalArgumentException("the windows must be positive");
        }
        if (alpha <= 0 || alpha >= 1 || minimumCount < 1 || minimumDailyRate <= 0) {
            throw new IllegalArgumentException("alpha in (0, 1), minimum count >= 1 and minimum rate > 0 required");
        }
    }

    /** What one evaluation found: the counts, the expected count, the p-value and whether it is significant. */
    public record Assessment(long observed, long baselineCount, double expected, double pValue, boolean significant) {}

    /** What an evaluation does to a problem's episode state. */
    public enum Transition {
        /** Significant while not in signal state: a new episode, raise a signal. */
        RAISE,
        /** Significant while in signal state: the episode goes on, nothing is raised. */
        CONTINUE,
        /** Not significant while in signal state: the episode ends, the problem is re-armed. */
        END,
        /** Not significant and not in signal state. */
        QUIET;

        public boolean signalling() {
            return this == RAISE || this == CONTINUE;
        }
    }

    /** Tests {@code observed} reports in the recent window against {@code baselineCount} in the baseline window. */
    public Assessment assess(long observed, long baselineCount) {
        double rate = Math.max(baselineCount / days(baseline), minimumDailyRate);
        double expected = rate * days(window);
        double pValue = upperTail(observed, expected);
        return new Assessment(observed, baselineCount, expected, pValue, observed >= minimumCount && pValue < alpha);
    }

    /** The episode transition of a problem that was ({@code signalling}) or was not in signal state. */
    public static Transition transition(boolean signalling, Assessment assessment) {
        if (assessment.significant()) {
            return signalling ? Transition.CONTINUE : Transition.RAISE;
        }
        return signalling ? Transition.END : Transition.QUIET;
    }

    /** The method and its parameters, as carried by TrendSignalRaised. */
    public String method() {
        return "one-sided Poisson test: P(X >= observed | lambda = baseline rate x window) < alpha"
                + "; window=" + window + ", baseline=" + baseline + ", alpha=" + alpha
                + ", minimumCount=" + minimumCount + ", minimumDailyRate=" + minimumDailyRate;
    }

    /** P(X >= k) for X ~ Poisson(lambda), lambda > 0, computed in log space so large counts do not overflow. */
    static double upperTail(long k, double lambda) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > lambda) {
            // sum the terms from k upwards: they shrink by lambda / (i + 1)
            double term = 1.0;
            double sum = 1.0;
            for (long i = k; term > 1e-17 * sum; i++) {
                term *= lambda / (i + 1);
                sum += term;
            }
            return Math.min(1.0, Math.exp(logTerm(k, lambda)) * sum);
        }
        // 1 - P(X <= k - 1): sum the terms from k - 1 downwards, they shrink by i / lambda
        double term = 1.0;
        double sum = 1.0;
        for (long i = k - 1; i > 0 && term > 1e-17 * sum; i--) {
            term *= i / lambda;
            sum += term;
        }
        return Math.max(0.0, 1.0 - Math.exp(logTerm(k - 1, lambda)) * sum);
    }

    /** log(e^-lambda lambda^i / i!). */
    private static double logTerm(long i, double lambda) {
        double logFactorial = 0;
        for (long j = 2; j <= i; j++) {
            logFactorial += Math.log(j);
        }
        return -lambda + i * Math.log(lambda) - logFactorial;
    }

    private static double days(Duration duration) {
        return duration.toSeconds() / SECONDS_PER_DAY;
    }
}
