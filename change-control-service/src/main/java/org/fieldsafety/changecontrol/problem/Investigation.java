package org.fieldsafety.changecontrol.problem;

import java.time.Instant;

/** The investigation of a problem (IEC 62304 9.2): its cause, its relevance to safety, its outcome. */
public record Investigation(
        String cause,
        boolean safetyRelevant,
        String safetyRelevance,
        String outcome,
        String investigatedBy,
        Instant investigatedAt) {}
