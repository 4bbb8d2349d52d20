package org.fieldsafety.changecontrol.change;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of change requests raised by other records, so a redelivered trigger finds the same one. */
public final class ChangeRequests {

    private ChangeRequests() {}

    /** The one change request an FSCA_REQUIRED decision raises for its case. */
    public static String idForFscaCase(String caseId) {
        return UUID.nameUUIDFromBytes(("change-request:fsca:" + caseId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
