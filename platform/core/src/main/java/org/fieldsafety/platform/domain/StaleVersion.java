package org.fieldsafety.platform.domain;

/** The request was made on a version of versioned data that is no longer the current one. */
public final class StaleVersion extends DomainException {

    /**
     * @param current the current version, null when nothing exists yet
     * @param expected the version the request names
     */
    public StaleVersion(String what, Number current, String expected) {
        super(
                "stale-version",
                null,
                what + " is at version " + (current == null ? "none" : current) + ", not " + expected
                        + "; read it again");
    }
}
