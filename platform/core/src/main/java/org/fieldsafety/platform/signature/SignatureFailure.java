package org.fieldsafety.platform.signature;

import java.time.Instant;

/**
 * A refused signature as kept for auditors (21 CFR 11.300(d)): who tried, when, what they were signing (the
 * request's method and path: the record and the step), with which meaning, and why it was refused.
 */
public record SignatureFailure(
        Instant attemptedAt, String user, String record, SignatureMeaning meaning, String reason) {}
