package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;

/** How an approved change was implemented (IEC 62304 8.2.2): the software version and its commits. */
public record Implementation(
        String softwareVersion, List<String> commits, String implementedBy, Instant implementedAt) {}
