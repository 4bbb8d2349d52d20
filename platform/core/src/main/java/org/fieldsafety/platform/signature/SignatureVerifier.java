package org.fieldsafety.platform.signature;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.fieldsafety.platform.domain.NotPermitted;

/**
 * Checks an electronic signature's two components (21 CFR 11.200(a)): the signer is the authenticated
 * user, and the password re-entered in the request authenticates that user again now.
 */
@ApplicationScoped
public class SignatureVerifier {

    private final IdentityProviderManager identities;
    private final Clock clock;

    SignatureVerifier(IdentityProviderManager identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * The signature of {@code signer}, made now; a blocking call.
     *
     * @throws NotPermitted when the password does not authenticate the signer
     */
    public Signature sign(SecurityIdentity signer, SignatureRequest request) {
        String user = signer.getPrincipal().getName();
        try {
            identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    user, new PasswordCredential(request.password().toCharArray())));
        } catch (AuthenticationFailedException e) {
            throw new NotPermitted(
                    "signature-rejected", "21 CFR 11.200", "the re-entered password does not match " + user);
        }
        return new Signature(user, user, request.meaning(), clock.instant());
    }
}
