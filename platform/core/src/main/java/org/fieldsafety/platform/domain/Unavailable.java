package org.fieldsafety.platform.domain;

/** A store the request needs (Kafka, the database) cannot take it now; nothing was done, and a retry may pass. */
public final class Unavailable extends DomainException {

    public Unavailable(String code, String detail) {
        super(code, null, detail);
    }
}
