package org.fieldsafety.intake;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;
import org.fieldsafety.intake.apikey.RateLimit;

/** The machine client behind a request authenticated by API key; no rate limit (null) means the node's. */
public record ApiKeyClient(UUID keyId, String name, Set<String> products, RateLimit rateLimit) {

    static final String KEY_ID = "api-key-id";
    static final String PRODUCTS = "api-key-products";
    static final String RATE_LIMIT = "api-key-rate-limit";

    public static ApiKeyClient of(SecurityIdentity identity) {
        return new ApiKeyClient(
                identity.getAttribute(KEY_ID),
                identity.getPrincipal().getName(),
                identity.getAttribute(PRODUCTS),
                identity.getAttribute(RATE_LIMIT));
    }

    /** A key bound to products reports only for them; an unbound key for any product. */
    public boolean mayReportFor(String productId) {
        return products.isEmpty() || products.contains(productId);
    }
}
