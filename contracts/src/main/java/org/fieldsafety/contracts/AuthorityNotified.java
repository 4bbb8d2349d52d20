package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * A competent authority was notified of the FSCA (MDR Art. 87(1)(b), 89(8)), on {@link Topics#FSCA}, keyed by
 * case: the authority of {@code country}, and whether the draft Field Safety Notice went with it.
 */
public record AuthorityNotified(
        String caseId,
        String problemId,
        String productId,
        String competentAuthority,
        String reference,
        Instant notifiedAt,
        String country,
        Boolean draftNoticeSent) {

    public static final String TYPE = "org.fieldsafety.AuthorityNotified.v1";
}
