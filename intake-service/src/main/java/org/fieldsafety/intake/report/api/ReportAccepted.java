package org.fieldsafety.intake.report.api;

import java.time.Instant;

/** The 202 answer: the report is durably in Kafka; {@code receivedAt} is the regulatory awareness time. */
public record ReportAccepted(String reportId, Instant receivedAt) {}
