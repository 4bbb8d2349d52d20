package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A Field Safety Notice went out (MDR Art. 89(8)), on {@link Topics#FSCA}, keyed by case: the case's first,
 * or a follow-up ({@code number} above 1, e.g. when the fix ships).
 */
public record FieldSafetyNoticeIssued(
        String caseId,
        String problemId,
        String productId,
        String reference,
        List<String> affectedSoftware,
        int recipients,
        Instant issuedAt,
        Integer number) {

    public static final String TYPE = "org.fieldsafety.FieldSafetyNoticeIssued.v1";
}
