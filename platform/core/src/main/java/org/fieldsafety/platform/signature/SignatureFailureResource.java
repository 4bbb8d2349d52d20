package org.fieldsafety.platform.signature;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The refused signatures, for auditors (21 CFR 11.300(d)); in the services that sign, which set the build
 * property {@code fieldsafety.signatures.enabled}. Failed sign-ins are in the identity provider's event
 * store (Keycloak: {@code GET /admin/realms/fieldsafety/events?type=LOGIN_ERROR}, role view-events).
 */
@Path("/api/v1/signature-failures")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "fieldsafety.signatures.enabled", stringValue = "true")
public class SignatureFailureResource {

    private final SignatureFailures failures;

    SignatureFailureResource(SignatureFailures failures) {
        this.failures = failures;
    }

    @GET
    @Blocking
    @RolesAllowed({"auditor", "admin"})
    public List<SignatureFailure> latest() {
        return failures.latest();
    }
}
