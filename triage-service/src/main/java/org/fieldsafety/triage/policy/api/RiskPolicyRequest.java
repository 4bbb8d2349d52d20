package org.fieldsafety.triage.policy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fieldsafety.triage.classification.RiskRegion;

/** A new risk acceptability matrix: 5 rows (severity 1-5) of 5 regions (probability 1-5). */
public record RiskPolicyRequest(
        @NotNull @Size(min = 5, max = 5) List<@NotNull @Size(min = 5, max = 5) List<@NotNull RiskRegion>> matrix) {}
