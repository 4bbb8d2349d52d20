package org.fieldsafety.intake.security;

/** The roles this service checks. Staff roles come from the identity provider, DEVICE from an API key. */
public final class Roles {

    public static final String DEVICE = "device";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
