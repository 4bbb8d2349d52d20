package org.fieldsafety.intake.apikey.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.fieldsafety.intake.apikey.RateLimit;

/**
 * A new key for a machine client, optionally bound to products and optionally with its own rate limit
 * (without one, the node's {@code intake.rate-limit.*} applies).
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String client,
        @Size(max = 100) Set<@NotBlank @Size(max = 100) String> products,
        @Valid RateLimit rateLimit) {

    public Set<String> productsOrAll() {
        return products == null ? Set.of() : products;
    }
}
