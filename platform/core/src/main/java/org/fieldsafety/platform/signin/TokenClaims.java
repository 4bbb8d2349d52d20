package org.fieldsafety.platform.signin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Claims of a signed-in user's token, whichever JSON type the token library hands out. */
public final class TokenClaims {

    private TokenClaims() {}

    /**
     * The user's full name (OpenID Connect's {@code name}: "Rosa Alvarez"), the printed name of 21 CFR
     * 11.50; the user id where the token has none.
     */
    public static String fullName(Principal principal) {
        String name = principal instanceof JsonWebToken token ? text(token, "name") : null;
        return name == null || name.isBlank() ? principal.getName() : name;
    }

    public static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    /** A numeric claim such as {@code auth_time}, or null. */
    public static Long number(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonNumber json) {
            return json.longValue();
        }
        return value instanceof Number number ? Long.valueOf(number.longValue()) : null;
    }
}
