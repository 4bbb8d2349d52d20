package org.fieldsafety.fsca.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.fieldsafety.platform.Roles;

/**
 * Who is looking, as the console's templates ask it ({@code inject:viewer}): the navigation by role and the
 * forms a page offers. It only decides what a page shows; every step is checked again by the service that
 * takes it.
 */
@Named("viewer")
@RequestScoped
public class ConsoleViewer {

    private final SecurityIdentity identity;

    ConsoleViewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Regulatory affairs: the case queue, the cases and the vigilance reports. */
    public boolean isRegulatory() {
        return identity.hasRole(Roles.REGULATORY_AFFAIRS);
    }

    /** Quality assurance: problem reports, change requests to approve (as a CCB member) or to verify. */
    public boolean isQuality() {
        return identity.hasRole(Roles.QUALITY_ASSURANCE);
    }

    /** A member of the change control board, who signs approvals (IEC 62304 8.2.1). */
    public boolean isCcbMember() {
        return identity.hasRole(Roles.CCB_MEMBER);
    }

    /** Engineering: problem reports to investigate, change requests to analyse and implement. */
    public boolean isEngineering() {
        return identity.hasRole(Roles.ENGINEERING);
    }

    /** Auditors (and administrators) read everything and take no step. */
    public boolean isReadOnly() {
        return !isRegulatory() && !isQuality() && !isCcbMember() && !isEngineering();
    }
}
