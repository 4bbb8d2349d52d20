package org.fieldsafety.fsca.cases;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of cases: one case per triage problem, so its id follows from the problem's. */
public final class FscaCases {

    private FscaCases() {}

    public static String caseIdFor(String problemId) {
        return UUID.nameUUIDFromBytes(("fsca-case:" + problemId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
