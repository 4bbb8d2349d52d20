package org.fieldsafety.triage.classification;

import java.time.Instant;

/** One regime's decision about a report: reportable by a deadline on a basis, or not, and why. */
public sealed interface ReportingDuty {

    String regime();

    record Reportable(String regime, String basis, Instant deadline) implements ReportingDuty {}

    record NotReportable(String regime, String reason) implements ReportingDuty {}
}
