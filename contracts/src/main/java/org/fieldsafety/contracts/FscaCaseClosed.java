package org.fieldsafety.contracts;

import java.time.Instant;

/** An FSCA case was closed with a signature, on {@link Topics#FSCA}, keyed by case. */
public record FscaCaseClosed(String caseId, String problemId, String productId, String closedBy, Instant closedAt) {

    public static final String TYPE = "org.fieldsafety.FscaCaseClosed.v1";
}
