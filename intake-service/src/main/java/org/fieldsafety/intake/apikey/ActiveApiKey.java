package org.fieldsafety.intake.apikey;

import java.util.Set;
import java.util.UUID;

/**
 * What authentication needs to know about a valid key; no products means every product, no rate limit
 * (null) the node's default.
 */
public record ActiveApiKey(UUID id, String client, Set<String> products, RateLimit rateLimit) {}
