package org.fieldsafety.platform.domain;

/** The caller asks more often than it may; the same request passes later. */
public final class RateLimited extends DomainException {

    public RateLimited(String detail) {
        super("rate-limited", null, detail);
    }
}
