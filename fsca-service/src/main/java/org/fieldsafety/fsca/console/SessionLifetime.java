package org.fieldsafety.fsca.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The console session's absolute lifetime: however active, a session whose sign-in at the identity provider
 * ({@code auth_time}) is older than {@code fieldsafety.console.session-lifetime} is signed out, so that a
 * left-open browser cannot decide cases for ever (21 CFR 11.300; the identity provider's own maximum ends
 * its refreshes as well).
 */
public class SessionLifetime {

    static final URI SIGN_OUT = URI.create("/console/logout");

    private final SecurityIdentity identity;
    private final Clock clock;
    private final Duration lifetime;

    SessionLifetime(
            SecurityIdentity identity,
            Clock clock,
            @ConfigProperty(name = "fieldsafety.console.session-lifetime") Duration lifetime) {
        this.identity = identity;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @ServerRequestFilter
    public Response endExpired(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/console")
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        return expired(TokenClaims.number(token, "auth_time"), clock.instant(), lifetime)
                ? Response.seeOther(SIGN_OUT).build()
                : null;
    }

    /** Whether a sign-in at {@code authTime} (seconds, OIDC) is past the lifetime; one without a time is. */
    static boolean expired(Long authTime, Instant now, Duration lifetime) {
        return authTime == null
                || Instant.ofEpochSecond(authTime).plus(lifetime).isBefore(now);
    }
}
