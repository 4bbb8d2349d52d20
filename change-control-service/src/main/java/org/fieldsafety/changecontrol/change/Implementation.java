package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;

/**
 * How an approved change was implemented (IEC 62304 8.2.2): the software version, its commits, and the
 * safety classes it changed (none when the classes stand).
 */
public record Implementation(
        String softwareVersion,
        List<String> commits,
        String implementedBy,
        Instant implementedAt,
        List<Reclassification> reclassifications) {

    /** A software item whose safety class the change alters (IEC 62304 8.2.2, 4.3). */
    public record Reclassification(String item, SafetyClass from, SafetyClass to) {}

    public boolean reclassifies() {
        return reclassifications != null && !reclassifications.isEmpty();
    }
}
