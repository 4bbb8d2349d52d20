package org.fieldsafety.platform.domain;

/** The request is malformed in a way its field constraints cannot catch, whatever the record's state. */
public final class InvalidInput extends DomainException {

    public InvalidInput(String code, String detail) {
        super(code, null, detail);
    }

    /** Input a rule demands, e.g. what IEC 62304 6.2.1.3 asks a change request to name. */
    public InvalidInput(String code, String clause, String detail) {
        super(code, clause, detail);
    }
}
