package org.fieldsafety.fsca.audit.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.platform.Roles;

/** A case's audit trail, verified on demand (21 CFR 11.10(e)). */
@Path("/api/v1/fsca-cases/{caseId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code verified}: every stored event still produces its recorded link, and the links are unbroken. */
    @GET
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public AuditResponse audit(@PathParam("caseId") String caseId) {
        AuditTrail.Audit audit = trail.audit(FscaCase.class, caseId);
        return new AuditResponse(caseId, audit.verified(), audit.entries());
    }

    public record AuditResponse(String caseId, boolean verified, List<AuditTrail.AuditEntry> entries) {}
}
