package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A problem's non-serious reports rose significantly (MDR Art. 88 trend reporting, IEC 62304 clause 9.6):
 * above the rate the PMS plan foresaw for the devices in use ({@code test} FORESEEN_RATE, by frequency or
 * severity, see {@code findings}), or, where nothing is foreseen, above the problem's own recent past
 * ({@code test} OWN_BASELINE). On {@link Topics#TRIAGE}, keyed by problem id, once per episode. {@code method}
 * names the statistical test and its parameters, {@code result} states the finding in words.
 */
public record TrendSignalRaised(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        Instant windowStart,
        Instant windowEnd,
        long observed,
        double expected,
        String method,
        Instant raisedAt,
        String test,
        List<String> findings,
        Double devicesInUse,
        Double foreseenRate,
        String foreseenSource,
        Double pValue,
        String result) {

    public static final String TYPE = "org.fieldsafety.TrendSignalRaised.v1";
}
