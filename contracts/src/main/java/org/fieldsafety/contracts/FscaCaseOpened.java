package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * An FSCA case was opened for a problem with an FSCA candidate or a trend signal, on {@link Topics#FSCA},
 * keyed by case. {@code previousCaseId}: the problem's closed case this one follows, when news of the problem
 * came after that case was closed (a closed case takes no new incident).
 */
public record FscaCaseOpened(
        String caseId, String problemId, String productId, Instant openedAt, String previousCaseId) {

    public static final String TYPE = "org.fieldsafety.FscaCaseOpened.v1";
}
