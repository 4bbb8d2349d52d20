package org.fieldsafety.intake.apikey.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A new key for a machine client, optionally bound to products. */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String client, @Size(max = 100) Set<@NotBlank @Size(max = 100) String> products) {

    public Set<String> productsOrAll() {
        return products == null ? Set.of() : products;
    }
}
