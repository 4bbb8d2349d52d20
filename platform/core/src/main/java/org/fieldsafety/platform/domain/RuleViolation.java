package org.fieldsafety.platform.domain;

/** The request breaks a rule in the state the record is in; the message names the rule and its clause. */
public final class RuleViolation extends DomainException {

    public RuleViolation(String code, String clause, String detail) {
        super(code, clause, detail);
    }
}
