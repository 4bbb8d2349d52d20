package org.fieldsafety.contracts;

import java.time.Instant;

/** An FSCA case was opened for a problem with an FSCA candidate, on {@link Topics#FSCA}, keyed by case. */
public record FscaCaseOpened(String caseId, String problemId, String productId, Instant openedAt) {

    public static final String TYPE = "org.fieldsafety.FscaCaseOpened.v1";
}
