package org.fieldsafety.platform.signature;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.fieldsafety.platform.domain.NotPermitted;
import org.fieldsafety.platform.signin.PasswordGrant;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.logging.Logger;

/**
 * Checks an electronic signature (21 CFR 11.200(a)): the signer proves a fresh authentication at the
 * identity provider, either by the password re-entered in the request (checked there with the client
 * {@code fieldsafety.signature.client-id}) or by a sign-in no older than
 * {@code fieldsafety.signature.max-authentication-age} ({@link FreshAuthentication}), and that
 * authentication is of the signed-in user (the same token subject). The signature carries the full name
 * the identity provider holds (11.50(a)(1)). A refused signature is recorded for auditors (11.300(d)) and
 * logged.
 */
@ApplicationScoped
public class SignatureVerifier {

    private static final Logger LOG = Logger.getLogger(SignatureVerifier.class);
    private static final Duration PASSWORD_CHECK_TIMEOUT = Duration.ofSeconds(15);

    private final PasswordGrant passwords;
    private final SignatureFailures failures;
    private final CurrentVertxRequest request;
    private final Clock clock;
    private final String clientId;
    private final FreshAuthentication freshness;

    SignatureVerifier(
            PasswordGrant passwords,
            SignatureFailures failures,
            CurrentVertxRequest request,
            Clock clock,
            @ConfigProperty(name = "fieldsafety.signature.client-id") String clientId,
            @ConfigProperty(name = "fieldsafety.signature.max-authentication-age", defaultValue = "PT5M")
                    Duration maxAuthenticationAge) {
        this.passwords = passwords;
        this.failures = failures;
        this.request = request;
        this.clock = clock;
        this.clientId = clientId;
        this.freshness = new FreshAuthentication(maxAuthenticationAge);
    }

    /**
     * The signature of {@code signer}, made now; a blocking call.
     *
     * @throws NotPermitted when the signer did not prove a fresh authentication of their own
     */
    public Signature sign(SecurityIdentity signer, SignatureRequest signature) {
        String user = signer.getPrincipal().getName();
        Instant now = clock.instant();
        try {
            JsonWebToken token =
                    signature.password() == null || signature.password().isEmpty()
                            ? recentSignIn(signer, now)
                            : passwordCheckedNow(user, signature.password());
            if (!(signer.getPrincipal() instanceof JsonWebToken session)
                    || session.getSubject() == null
                    || !session.getSubject().equals(token.getSubject())) {
                throw new Refused("the authentication is not of the signed-in user " + user);
            }
            return new Signature(user, TokenClaims.fullName(token), signature.meaning(), now);
        } catch (Refused e) {
            SignatureFailure failure =
                    new SignatureFailure(now, user, signedRecord(), signature.meaning(), e.getMessage());
            LOG.warnf("Signature refused: %s", failure);
            failures.record(failure);
            throw new NotPermitted("signature-rejected", "21 CFR 11.200", e.getMessage());
        }
    }

    private JsonWebToken recentSignIn(SecurityIdentity signer, Instant now) {
        Long authTime =
                signer.getPrincipal() instanceof JsonWebToken token ? TokenClaims.number(token, "auth_time") : null;
        if (!freshness.isFresh(authTime, now)) {
            throw new Refused("re-enter your password, or sign in again, to sign: the sign-in of "
                    + signer.getPrincipal().getName() + " is older than " + freshness.maxAge());
        }
        return (JsonWebToken) signer.getPrincipal();
    }

    private JsonWebToken passwordCheckedNow(String user, String password) {
        try {
            return (JsonWebToken) passwords
                    .authenticate(clientId, user, password)
                    .await()
                    .atMost(PASSWORD_CHECK_TIMEOUT)
                    .getPrincipal();
        } catch (AuthenticationFailedException e) {
            throw new Refused("the re-entered password does not authenticate " + user);
        }
    }

    /** What was being signed: the request's method and path, which name the record and the step. */
    private String signedRecord() {
        RoutingContext current = request.getCurrent();
        return current == null
                ? ""
                : current.request().method() + " " + current.request().path();
    }

    /** Why a signature is refused; becomes the 403's detail. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
