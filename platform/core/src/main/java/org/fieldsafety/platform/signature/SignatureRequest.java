package org.fieldsafety.platform.signature;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The signature part of a signed request (21 CFR 11.200(a)(1)): the signer's password, re-entered to sign
 * and checked at the identity provider, or none when the signer authenticated at the identity provider
 * within the last minutes (a fresh sign-in with {@code prompt=login}); the session alone never signs.
 */
public record SignatureRequest(@Size(max = 200) String password, @NotNull SignatureMeaning meaning) {

    @Override
    public String toString() {
        return "SignatureRequest[meaning=" + meaning + "]";
    }
}
