package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;

/**
 * A change request's effect on the organisation, released software and interfacing systems (IEC 62304
 * 6.2.3): the items it touches and the verification it invalidates (8.2.2, 8.2.3).
 */
public record ImpactAnalysis(
        String summary,
        List<String> affectedItems,
        List<String> testsToRepeat,
        String analysedBy,
        Instant analysedAt) {}
