package org.fieldsafety.intake;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fieldsafety.intake.apikey.ActiveApiKey;
import org.fieldsafety.intake.apikey.ApiKeyCache;
import org.fieldsafety.intake.apikey.ApiKeySecret;
import org.fieldsafety.platform.Roles;

/**
 * Turns a valid API key into an identity: the client's name, role DEVICE, the key id, its products and its
 * own rate limit if it has one.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyCache keys;

    ApiKeyIdentityProvider(ApiKeyCache keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.find(ApiKeySecret.hash(request.secret()))
                .map(ApiKeyIdentityProvider::identity)
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("Unknown API key")));
    }

    private static SecurityIdentity identity(ActiveApiKey key) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.client()))
                .addRole(Roles.DEVICE)
                .addAttribute(ApiKeyClient.KEY_ID, key.id())
                .addAttribute(ApiKeyClient.PRODUCTS, key.products());
        if (key.rateLimit() != null) {
            identity.addAttribute(ApiKeyClient.RATE_LIMIT, key.rateLimit());
        }
        return identity.build();
    }
}
