package org.fieldsafety.fsca.cases;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identity of cases. A problem has one open case at a time and a line of them over time: news of a problem
 * whose case is closed opens the next case, linked to it. Each case's id follows from the problem's and its
 * place in that line (its generation, 0 for the first), so the same triage news, delivered again, reaches
 * the same case however often it comes.
 */
public final class FscaCases {

    private FscaCases() {}

    /** The problem's first case. */
    public static String caseIdFor(String problemId) {
        return caseIdFor(problemId, 0);
    }

    /** The problem's case of {@code generation}: the first case keeps the id it always had. */
    public static String caseIdFor(String problemId, int generation) {
        String name = "fsca-case:" + problemId + (generation == 0 ? "" : ":" + generation);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
