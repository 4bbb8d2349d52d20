package org.fieldsafety.platform.signin;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic for staff on a local run and in tests, a convenience for curl and scripts: the password is
 * checked at the identity provider ({@link PasswordGrant}), never against a file, and the identity is the
 * one its token gives. A successful check is reused for {@link #REUSE} so that a script's requests do not
 * each open a session at the identity provider. Off (every Basic request 401) unless
 * {@code fieldsafety.sign-in.basic.enabled} is true, which only the local and test profiles set.
 */
@ApplicationScoped
public class PasswordSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final Duration REUSE = Duration.ofSeconds(30);
    private static final int MAX_REUSED = 1000;

    private final boolean enabled;
    private final String clientId;
    private final PasswordGrant passwords;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    PasswordSignIn(
            @ConfigProperty(name = "fieldsafety.sign-in.basic.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "fieldsafety.sign-in.basic.client-id", defaultValue = "fieldsafety-cli")
                    String clientId,
            PasswordGrant passwords,
            Clock clock) {
        this.enabled = enabled;
        this.clientId = clientId;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!enabled) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException("HTTP Basic is for the local run only: use a token"));
        }
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String key = user + ":" + sha256(password);
        Instant now = clock.instant();
        Checked known = checked.get(key);
        if (known != null && now.isBefore(known.until())) {
            return Uni.createFrom().item(known.identity());
        }
        return passwords.authenticate(clientId, user, password).invoke(identity -> {
            if (checked.size() >= MAX_REUSED) {
                checked.clear();
            }
            checked.put(key, new Checked(identity, now.plus(REUSE)));
        });
    }

    private static String sha256(String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Checked(SecurityIdentity identity, Instant until) {}
}
