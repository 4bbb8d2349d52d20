package org.fieldsafety.triage.trend;

/**
 * A problem's counted reports ({@link TrendCounting}) in the recent window, by severity, and in the baseline
 * window before it.
 */
public final class TrendCounts {

    private final long[] recentBySeverity = new long[6];
    private long baseline;

    public void addRecent(int severity, long reports) {
        recentBySeverity[severity] += reports;
    }

    public void addBaseline(long reports) {
        baseline += reports;
    }

    /** All reports in the recent window. */
    public long recent() {
        return recentAtLeast(1);
    }

    /** The reports in the recent window of at least {@code severity}. */
    public long recentAtLeast(int severity) {
        long sum = 0;
        for (int s = severity; s < recentBySeverity.length; s++) {
            sum += recentBySeverity[s];
        }
        return sum;
    }

    public long baseline() {
        return baseline;
    }
}
