package org.fieldsafety.intake.apikey.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.intake.apikey.ApiKey;

/** A key as administrators see it: never the secret nor its hash. */
public record ApiKeyView(UUID id, String client, List<String> products, Instant createdAt, Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.client, key.productList(), key.createdAt, key.revokedAt);
    }
}
