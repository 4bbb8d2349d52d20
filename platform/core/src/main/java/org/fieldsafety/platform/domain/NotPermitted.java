package org.fieldsafety.platform.domain;

/** The caller, though signed in with a role that may ask, may not do this: a foreign product, a wrong signature. */
public final class NotPermitted extends DomainException {

    public NotPermitted(String code, String detail) {
        super(code, null, detail);
    }

    public NotPermitted(String code, String clause, String detail) {
        super(code, clause, detail);
    }
}
