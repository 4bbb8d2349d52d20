package org.fieldsafety.platform.signature;

import java.time.Instant;

/**
 * An electronic signature as recorded (21 CFR 11.50): who signed (user id and printed name, the full name
 * the identity provider holds), when, and what the signature means. The event that carries it binds it to
 * the version of the record signed (11.70).
 */
public record Signature(String signer, String printedName, SignatureMeaning meaning, Instant signedAt) {}
