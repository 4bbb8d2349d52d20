package org.fieldsafety.changecontrol.change;

import java.time.Instant;

/** The closing of a released and communicated change request. */
public record Closure(String summary, String closedBy, Instant closedAt) {}
