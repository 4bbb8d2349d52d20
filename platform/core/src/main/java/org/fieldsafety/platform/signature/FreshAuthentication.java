package org.fieldsafety.platform.signature;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a sign-in is recent enough to sign with (21 CFR 11.200(a)(1)): the identity provider
 * authenticated the signer ({@code auth_time}, OpenID Connect Core 1.0 section 2) no longer than
 * {@code maxAge} ago, and not in the future. A token without {@code auth_time} (a password grant's, or a
 * refreshed one's) never is.
 */
record FreshAuthentication(Duration maxAge) {

    boolean isFresh(Long authTime, Instant now) {
        if (authTime == null) {
            return false;
        }
        Instant authenticated = Instant.ofEpochSecond(authTime);
        return !authenticated.isAfter(now.plusSeconds(1))
                && !authenticated.plus(maxAge).isBefore(now);
    }
}
