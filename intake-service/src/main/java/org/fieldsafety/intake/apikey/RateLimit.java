package org.fieldsafety.intake.apikey;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/**
 * How many reports one API key may send: {@code reportsPerSecond} on average and {@code burst} at once
 * (a batch needs as many as it holds). A key without its own limit has the node's
 * {@code intake.rate-limit.*}.
 */
public record RateLimit(
        @Positive @DecimalMax("100000") double reportsPerSecond, @DecimalMin("1") @DecimalMax("100000") double burst) {}
