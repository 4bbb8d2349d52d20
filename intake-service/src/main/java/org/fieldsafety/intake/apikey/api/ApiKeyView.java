package org.fieldsafety.intake.apikey.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.intake.apikey.ApiKey;
import org.fieldsafety.intake.apikey.RateLimit;

/** A key as administrators see it: never the secret nor its hash; no rate limit means the node's default. */
public record ApiKeyView(
        UUID id, String client, List<String> products, RateLimit rateLimit, Instant createdAt, Instant revokedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.client, key.productList(), key.rateLimit(), key.createdAt, key.revokedAt);
    }
}
