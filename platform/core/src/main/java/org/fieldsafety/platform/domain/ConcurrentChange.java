package org.fieldsafety.platform.domain;

/** Another change of the same record took effect first; reading it again and retrying may pass. */
public final class ConcurrentChange extends DomainException {

    public ConcurrentChange(String what) {
        super("concurrent-change", null, what + " was changed concurrently; read it again and retry");
    }
}
