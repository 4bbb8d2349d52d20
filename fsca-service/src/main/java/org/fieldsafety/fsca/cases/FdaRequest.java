package org.fieldsafety.fsca.cases;

import java.time.Instant;

/**
 * The FDA's written request for 5-day reports on a problem (21 CFR 803.53(b)): received at {@code
 * receivedAt}, for events until {@code until} (the period the request names; null: open-ended).
 */
public record FdaRequest(String reference, Instant receivedAt, Instant until) {

    /** Whether the request covers an event the manufacturer became aware of at {@code awareAt}. */
    public boolean covers(Instant awareAt) {
        return until == null || !awareAt.isAfter(until);
    }
}
