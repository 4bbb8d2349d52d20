package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * Regulatory affairs decided, signed, whether an incident is reportable under a regime (MDR Art. 87, MDCG
 * 2023-3; 21 CFR 803), on {@link Topics#FSCA}, keyed by case. {@code reportId} is null for the case's own
 * reporting clock (the correction or removal report of 21 CFR 806.10).
 */
public record ReportabilityDecided(
        String caseId,
        String problemId,
        String productId,
        String reportId,
        String regime,
        String basis,
        String decision,
        String rationale,
        String decidedBy,
        Instant decidedAt) {

    public static final String TYPE = "org.fieldsafety.ReportabilityDecided.v1";
    public static final String NOT_REPORTABLE = "NOT_REPORTABLE";
}
