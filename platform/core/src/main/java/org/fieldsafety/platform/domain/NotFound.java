package org.fieldsafety.platform.domain;

/** The record the request addresses does not exist. */
public final class NotFound extends DomainException {

    /** @param what the record, e.g. {@code "FSCA case " + caseId} */
    public NotFound(String what) {
        super("not-found", null, what + " does not exist");
    }
}
