package org.fieldsafety.platform;

/**
 * Every role the services check, in one place: each {@code @RolesAllowed} names these, and the local run
 * prints its accounts with them. Staff roles come from the identity provider, {@link #DEVICE} from an API
 * key (intake).
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String REGULATORY_AFFAIRS = "regulatory-affairs";
    public static final String QUALITY_ASSURANCE = "quality-assurance";
    /** A member of the change control board, who approves change requests (IEC 62304 6.2.4). */
    public static final String CCB_MEMBER = "ccb-member";

    public static final String ENGINEERING = "engineering";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** A machine client: a device, an app or a cloud reporting through an API key. */
    public static final String DEVICE = "device";

    private Roles() {}
}
