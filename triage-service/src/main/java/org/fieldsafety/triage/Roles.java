package org.fieldsafety.triage;

/** The staff roles (docs/api.md, "Roles"). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String REGULATORY_AFFAIRS = "regulatory-affairs";
    public static final String QUALITY_ASSURANCE = "quality-assurance";
    public static final String ENGINEERING = "engineering";
    public static final String AUDITOR = "auditor";

    private Roles() {}
}
