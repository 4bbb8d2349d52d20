package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * The authority answered a submitted vigilance report, on {@link Topics#FSCA}, keyed by case: {@code
 * accepted} with its {@code authorityReference}, or rejected for {@code reason} (the report's clock then runs
 * again until it is resubmitted).
 */
public record VigilanceReportAcknowledged(
        String reportId,
        String caseId,
        String incidentReportId,
        String regime,
        String kind,
        boolean accepted,
        String authorityReference,
        String reason,
        Instant acknowledgedAt) {

    public static final String TYPE = "org.fieldsafety.VigilanceReportAcknowledged.v1";
}
