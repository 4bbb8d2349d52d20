package org.fieldsafety.triage.policy.query;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.triage.classification.RiskRegion;

/** The current risk policy: rows are severity 1-5, columns probability 1-5. */
public record RiskPolicyView(int version, List<List<RiskRegion>> matrix, String changedBy, Instant changedAt) {}
