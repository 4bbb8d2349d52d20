package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * The competent authority was notified of the FSCA (MDR Art. 87(1)(b), 89(8)), on {@link Topics#FSCA},
 * keyed by case.
 */
public record AuthorityNotified(
        String caseId,
        String problemId,
        String productId,
        String competentAuthority,
        String reference,
        Instant notifiedAt) {

    public static final String TYPE = "org.fieldsafety.AuthorityNotified.v1";
}
