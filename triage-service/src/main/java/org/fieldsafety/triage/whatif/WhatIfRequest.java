package org.fieldsafety.triage.whatif;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.fieldsafety.triage.classification.ProductEntry;
import org.fieldsafety.triage.policy.api.RiskPolicyRequest;

/**
 * A proposed risk policy and/or registry entry to try on the stored reports of a product (the latest
 * {@code limit}, default 1000); what is not proposed stays as it is now.
 */
public record WhatIfRequest(
        @Valid RiskPolicyRequest policy,
        @Valid ProductEntry product,
        @NotBlank String productId,
        @Min(1) @Max(10_000) Integer limit) {

    static final int DEFAULT_LIMIT = 1000;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
