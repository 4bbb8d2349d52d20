package org.fieldsafety.intake;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret a client sent in {@code X-API-Key}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
