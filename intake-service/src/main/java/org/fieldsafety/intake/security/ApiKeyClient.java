package org.fieldsafety.intake.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import java.util.UUID;

/** The machine client behind a request authenticated by API key. */
public record ApiKeyClient(UUID keyId, String name, Set<String> products) {

    static final String KEY_ID = "api-key-id";
    static final String PRODUCTS = "api-key-products";

    public static ApiKeyClient of(SecurityIdentity identity) {
        return new ApiKeyClient(
                identity.getAttribute(KEY_ID), identity.getPrincipal().getName(), identity.getAttribute(PRODUCTS));
    }

    /** A key bound to products reports only for them; an unbound key for any product. */
    public boolean mayReportFor(String productId) {
        return products.isEmpty() || products.contains(productId);
    }
}
