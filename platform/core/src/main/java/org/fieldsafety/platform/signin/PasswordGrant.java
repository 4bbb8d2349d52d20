package org.fieldsafety.platform.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a user's password at the identity provider (Keycloak's token endpoint, OAuth 2.0 password grant
 * with a client that allows it) and turns the token it answers into the same identity a bearer token gives:
 * the token is checked like any other (signature, issuer, expiry), roles come from it. The password itself
 * never leaves this call.
 */
@ApplicationScoped
public class PasswordGrant {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String tokenEndpoint;
    private final TenantIdentityProvider tokens;
    private final WebClient http;

    PasswordGrant(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
            TenantIdentityProvider tokens,
            Vertx vertx) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
        this.tokens = tokens;
        this.http = WebClient.create(vertx);
    }

    /**
     * The identity that {@code password} authenticates through {@code clientId}.
     *
     * @return fails with {@link AuthenticationFailedException} when the identity provider refuses the
     *     password (wrong, or the account is locked or disabled)
     */
    public Uni<SecurityIdentity> authenticate(String clientId, String username, String password) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "password")
                .add("client_id", clientId)
                .add("username", username)
                .add("password", password);
        return http.postAbs(tokenEndpoint)
                .timeout(TIMEOUT.toMillis())
                .sendForm(form)
                .map(PasswordGrant::accessToken)
                .chain(token -> tokens.authenticate(new AccessTokenCredential(token)));
    }

    private static String accessToken(HttpResponse<?> response) {
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new AuthenticationFailedException("The identity provider refused the password");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The identity provider answered " + response.statusCode());
        }
        return response.bodyAsJsonObject().getString("access_token");
    }
}
