package org.fieldsafety.triage.trend;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fieldsafety.triage.classification.ProductEntry.Foreseen;
import org.fieldsafety.triage.classification.Severity;

/**
 * Trend detection for MDR Art. 88 (a statistically significant increase in the frequency or severity of
 * incidents that are not serious incidents, or of expected undesirable side-effects, established against
 * the foreseeable frequency or severity in respect of the device as the technical documentation and the PMS
 * plan specify it, Art. 84 and Annex III) and IEC 62304 9.6 (analyse problems for trends), per problem, on
 * the reports {@link TrendCounting} counts.
 *
 * <p>{@link Test#FORESEEN_RATE}, when the hazard catalogue gives the problem's fault a foreseen rate and the
 * registry records devices in use: the reports of the recent window (default 7 days) against the count the
 * plan foresees for the devices in use over that window (rate per 1,000 devices per month x device-months
 * / 1,000), by frequency (all reports) and by severity (for each level 2-5, the reports at or above it
 * against the rate foreseen at or above it, one test per level). A one-sided Poisson test: significant when
 * P(X >= observed) < alpha (default 0.01) and at least the minimum count (default 3) were observed; a
 * foreseen count of 0 makes any such count significant.
 *
 * <p>{@link Test#OWN_BASELINE}, where nothing is foreseen (or no devices in use are recorded): the recent
 * window against the problem's own baseline (default the 90 days before it), its rate floored at a minimum
 * daily rate so that a new problem is compared against that minimum; frequency only. The result says so.
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

    /** Against what the count was tested. */
    public enum Test {
        FORESEEN_RATE,
        OWN_BASELINE
    }

    /** What increased significantly. */
    public enum Finding {
        FREQUENCY,
        SEVERITY
    }

    /**
     * What one evaluation found: the test, what increased (empty when nothing did), the counts and p-value of
     * the finding (of the frequency test when nothing or frequency was found), the devices in use and the
     * foreseen rate and its source (null for OWN_BASELINE), and the result in words.
     */
    public record Assessment(
            Test test,
            List<Finding> findings,
            long observed,
            double expected,
            double pValue,
            Double devicesInUse,
            Double foreseenRate,
            String foreseenSource,
            String result) {

        public boolean significant() {
            return !findings.isEmpty();
        }
    }

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

    /**
     * Tests a problem's counts at {@code now} (the recent window ends then).
     *
     * @param foreseen what the PMS plan foresees for the problem's fault, null when nothing
     * @param installedBase the product's devices in use over time
     */
    public Assessment assess(TrendCounts counts, Foreseen foreseen, InstalledBase installedBase, Instant now) {
        Instant windowStart = now.minus(window);
        double deviceMonths = installedBase.deviceMonths(windowStart, now);
        if (foreseen == null || deviceMonths <= 0) {
            return ownBaseline(
                    counts.recent(),
                    counts.baseline(),
                    foreseen == null
                            ? "nothing is foreseen for this problem in the PMS plan"
                            : "the PMS plan foresees a rate, but the registry records no devices in use",
                    windowStart,
                    now);
        }
        double devicesInUse = installedBase.averageDevices(windowStart, now);
        double exposure = deviceMonths / 1000;
        long observed = counts.recent();
        double expected = foreseen.perThousandDevicesPerMonth() * exposure;
        double pValue = pValue(observed, expected);
        List<Finding> findings = new ArrayList<>();
        StringBuilder result = new StringBuilder(String.format(
                Locale.ROOT,
                "Against the PMS plan (%s: %s per 1,000 devices in use per month) for %s devices in use from %s to"
                        + " %s: %d non-serious reports where %s were foreseen, ",
                foreseen.source(),
                number(foreseen.perThousandDevicesPerMonth()),
                number(devicesInUse),
                windowStart,
                now,
                observed,
                number(expected)));
        if (significant(observed, pValue)) {
            findings.add(Finding.FREQUENCY);
            result.append("a significant increase in frequency (p = ")
                    .append(number(pValue))
                    .append(")");
        } else {
            result.append("no significant increase in frequency (p = ")
                    .append(number(pValue))
                    .append(")");
        }
        SeverityTest severity = severityTest(counts, foreseen, exposure);
        if (severity != null) {
            findings.add(Finding.SEVERITY);
            result.append(String.format(
                    Locale.ROOT,
                    "; %d reports of severity %d (%s) or worse where %s were foreseen, a significant increase in"
                            + " severity (p = %s)",
                    severity.observed,
                    severity.level,
                    Severity.name(severity.level),
                    number(severity.expected),
                    number(severity.pValue)));
        }
        result.append(".");
        boolean severityAlone = findings.equals(List.of(Finding.SEVERITY));
        return new Assessment(
                Test.FORESEEN_RATE,
                List.copyOf(findings),
                severityAlone ? severity.observed : observed,
                severityAlone ? severity.expected : expected,
                severityAlone ? severity.pValue : pValue,
                devicesInUse,
                foreseen.perThousandDevicesPerMonth(),
                foreseen.source(),
                result.toString());
    }

    /** The most significant level at which the reports of at least that severity exceed what is foreseen. */
    private SeverityTest severityTest(TrendCounts counts, Foreseen foreseen, double exposure) {
        SeverityTest most = null;
        for (int level = 2; level <= 5; level++) {
            long observed = counts.recentAtLeast(level);
            double expected = foreseen.perThousandDevicesPerMonthAtLeast(level) * exposure;
            double pValue = pValue(observed, expected);
            if (significant(observed, pValue) && (most == null || pValue < most.pValue)) {
                most = new SeverityTest(level, observed, expected, pValue);
            }
        }
        return most;
    }

    private record SeverityTest(int level, long observed, double expected, double pValue) {}

    /** The fallback: the recent window's reports against the problem's own baseline window. */
    Assessment ownBaseline(long observed, long baselineCount, String why, Instant windowStart, Instant now) {
        double rate = Math.max(baselineCount / days(baseline), minimumDailyRate);
        double expected = rate * days(window);
        double pValue = upperTail(observed, expected);
        boolean significant = significant(observed, pValue);
        return new Assessment(
                Test.OWN_BASELINE,
                significant ? List.of(Finding.FREQUENCY) : List.of(),
                observed,
                expected,
                pValue,
                null,
                null,
                null,
                String.format(
                        Locale.ROOT,
                        "Against the problem's own recent past, because %s: %d non-serious reports from %s to %s"
                                + " where %s were expected from the %s before, %s (p = %s).",
                        why,
                        observed,
                        windowStart,
                        now,
                        number(expected),
                        baseline,
                        significant ? "a significant increase in frequency" : "no significant increase",
                        number(pValue)));
    }

    private boolean significant(long observed, double pValue) {
        return observed >= minimumCount && pValue < alpha;
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
        return "one-sided Poisson test: P(X >= observed | lambda = foreseen or baseline count for the window) < alpha"
                + "; window=" + window + ", baseline=" + baseline + ", alpha=" + alpha
                + ", minimumCount=" + minimumCount + ", minimumDailyRate=" + minimumDailyRate;
    }

    /** P(X >= observed) for X ~ Poisson(expected); nothing expected makes any observation certain to be an increase. */
    static double pValue(long observed, double expected) {
        if (expected <= 0) {
            return observed > 0 ? 0.0 : 1.0;
        }
        return upperTail(observed, expected);
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

    /** A number as a regulator reads it: 3 significant digits, no exponent for ordinary sizes. */
    private static String number(double value) {
        if (value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e7)) {
            return String.format(Locale.ROOT, "%.2e", value);
        }
        return new BigDecimal(value)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }
}
