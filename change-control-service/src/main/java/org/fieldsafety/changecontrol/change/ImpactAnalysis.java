package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A change request's effect on the organisation, released software and interfacing systems (IEC 62304
 * 6.2.3): the items it touches with their safety classes, and the verification it invalidates (8.2.2,
 * 8.2.3).
 */
public record ImpactAnalysis(
        String summary,
        List<String> affectedItems,
        List<String> testsToRepeat,
        String analysedBy,
        Instant analysedAt,
        Map<String, SafetyClass> safetyClasses) {

    /** The class of an affected item; an item the analysis did not classify is class C (IEC 62304 4.3). */
    public SafetyClass classOf(String item) {
        return safetyClasses == null ? SafetyClass.C : safetyClasses.getOrDefault(item, SafetyClass.C);
    }
}
