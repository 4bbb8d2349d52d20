package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.Locale;

/**
 * A trend episode of the case's problem as triage raised it: {@code observed} reports in the window
 * against {@code expected} from the baseline, significant under {@code method}. MDR Art. 88 asks for one
 * trend report per statistically significant increase, with its count, so a case holds the episode and
 * not each of its reports; a report becomes an {@link Incident} only as an FSCA candidate on its own.
 * {@code signalId} is triage's event id, one per episode of the problem.
 */
public record TrendSignal(
        String signalId,
        String softwareItem,
        String faultCode,
        Instant windowStart,
        Instant windowEnd,
        long observed,
        double expected,
        String method,
        Instant raisedAt) {

    /** How many reports the baseline expected in the window, to one decimal, as the notice and console show it. */
    public String expectedReports() {
        return String.format(Locale.ROOT, "%.1f", expected);
    }
}
