package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * A problem's recent rate of reports rose significantly above its baseline (MDR Art. 88 trend
 * reporting, IEC 62304 clause 9.6). On {@link Topics#TRIAGE}, keyed by product, once per episode.
 * {@code method} names the statistical test and its parameters.
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
        Instant raisedAt) {

    public static final String TYPE = "org.fieldsafety.TrendSignalRaised.v1";
}
