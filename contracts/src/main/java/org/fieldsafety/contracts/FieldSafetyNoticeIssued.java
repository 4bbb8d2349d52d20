package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/** The Field Safety Notice went out (MDR Art. 89(8)), on {@link Topics#FSCA}, keyed by case. */
public record FieldSafetyNoticeIssued(
        String caseId,
        String problemId,
        String productId,
        String reference,
        List<String> affectedSoftware,
        int recipients,
        Instant issuedAt) {

    public static final String TYPE = "org.fieldsafety.FieldSafetyNoticeIssued.v1";
}
