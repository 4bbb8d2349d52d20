package org.fieldsafety.platform.signature;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The signature part of a signed request: the signer re-enters the password at signing (21 CFR
 * 11.200(a)(1)); the session alone never signs.
 */
public record SignatureRequest(@NotBlank @Size(max = 200) String password, @NotNull SignatureMeaning meaning) {

    @Override
    public String toString() {
        return "SignatureRequest[meaning=" + meaning + "]";
    }
}
