package org.fieldsafety.platform.signature;

/** What a signer means by signing (21 CFR 11.50(a)(3)). */
public enum SignatureMeaning {
    REVIEW,
    APPROVAL,
    RESPONSIBILITY,
    AUTHORSHIP
}
