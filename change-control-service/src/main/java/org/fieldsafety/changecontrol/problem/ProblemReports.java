package org.fieldsafety.changecontrol.problem;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identity of problem reports opened from triage, so a redelivered problem finds the same report. */
public final class ProblemReports {

    private ProblemReports() {}

    /** The one problem report for triage's problem {@code problemId} (IEC 62304 9.1: one per problem). */
    public static String idForProblem(String problemId) {
        return UUID.nameUUIDFromBytes(("problem-report:" + problemId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
