package org.fieldsafety.platform.domain;

/**
 * A request or command the domain refuses, with a stable code (the last part of the problem type clients
 * see) and, when a rule refuses it, the rule's article or clause. It knows no HTTP: the web layer gives
 * each kind its status, and the messaging retry rule tells by the kind whether retrying can help.
 */
public abstract sealed class DomainException extends RuntimeException
        permits RuleViolation,
                NotFound,
                InvalidInput,
                StaleVersion,
                ConcurrentChange,
                NotPermitted,
                RateLimited,
                Unavailable {

    private final String code;
    private final String clause;

    /** @param clause the rule's article or clause, e.g. {@code IEC 62304 8.2.1}; null when none applies */
    DomainException(String code, String clause, String detail) {
        super(clause == null ? detail : clause + ": " + detail);
        this.code = code;
        this.clause = clause;
    }

    /** Stable across releases, e.g. {@code change-not-approved}. */
    public String code() {
        return code;
    }

    /** The article or clause of the rule that refused, e.g. {@code IEC 62304 8.2.1}; null when none did. */
    public String clause() {
        return clause;
    }
}
