package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A signed FSCA decision, on {@link Topics#FSCA}, keyed by case. {@code review}: the decision confirms or
 * revises the case's earlier one after new incidents or signals (absent in messages before reviews existed).
 */
public record FscaDecisionTaken(
        String caseId,
        String problemId,
        String productId,
        List<String> softwareItems,
        String decision,
        String action,
        String rationale,
        String decidedBy,
        Instant decidedAt,
        Boolean review) {

    public static final String TYPE = "org.fieldsafety.FscaDecisionTaken.v1";
    public static final String FSCA_REQUIRED = "FSCA_REQUIRED";
}
