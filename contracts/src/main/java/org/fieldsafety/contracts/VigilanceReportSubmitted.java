package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * A vigilance report went to its authority, approved and frozen, on {@link Topics#FSCA}, keyed by case.
 * {@code incidentReportId} is null for the case's own report (the correction or removal report of 21 CFR
 * 806.10) and for a periodic summary report (kind PERIODIC_SUMMARY), which lists several incidents;
 * {@code late}: submitted after {@code dueAt}; {@code sha256}: the hash of the submitted file.
 */
public record VigilanceReportSubmitted(
        String reportId,
        String caseId,
        String incidentReportId,
        String regime,
        String kind,
        String basis,
        Instant dueAt,
        String reference,
        Instant submittedAt,
        boolean late,
        String sha256,
        String submittedBy) {

    public static final String TYPE = "org.fieldsafety.VigilanceReportSubmitted.v1";
}
