package org.fieldsafety.triage.policy.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.triage.policy.RiskPolicies;
import org.fieldsafety.triage.policy.query.RiskPolicyView;
import org.jboss.resteasy.reactive.RestHeader;

/** The ISO 14971 risk acceptability policy; every change is a new version. */
@Path("/api/v1/risk-policy")
public class RiskPolicyResource {

    private final RiskPolicies policies;
    private final SecurityIdentity identity;

    RiskPolicyResource(RiskPolicies policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<RiskPolicyView> get() {
        return policies.find();
    }

    /** {@code If-Match: "<version>"} makes the change conditional (412 when stale); a concurrent change answers 409. */
    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.QUALITY_ASSURANCE})
    public Uni<RiskPolicyView> put(@RestHeader("If-Match") String ifMatch, @Valid @NotNull RiskPolicyRequest request) {
        return policies.change(request.matrix(), identity.getPrincipal().getName(), ifMatch);
    }
}
