package org.fieldsafety.changecontrol.problem;

import java.time.Instant;

/** A field report of a problem as triage published it: which software version showed it, and when. */
public record FieldReport(String reportId, String softwareVersion, Instant triagedAt) {}
