package org.fieldsafety.intake.apikey.api;

import java.util.UUID;

/** The 201 answer: the only time the secret is shown. */
public record ApiKeyCreated(UUID id, String key) {}
