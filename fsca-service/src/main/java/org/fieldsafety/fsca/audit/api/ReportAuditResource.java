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
import org.fieldsafety.fsca.vigilance.VigilanceReport;
import org.fieldsafety.platform.Roles;

/**
 * A vigilance report's audit trail, verified on demand (21 CFR 11.10(e)): who drafted, completed, signed and
 * submitted it, and the authority's answer.
 */
@Path("/api/v1/vigilance-reports/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class ReportAuditResource {

    private final AuditTrail trail;

    ReportAuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code verified} as for a case ({@link AuditResource}). */
    @GET
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.AUDITOR})
    public ReportAuditResponse audit(@PathParam("id") String id) {
        AuditTrail.Audit audit = trail.audit(VigilanceReport.class, id);
        return new ReportAuditResponse(id, audit.verified(), audit.entries());
    }

    public record ReportAuditResponse(String id, boolean verified, List<AuditTrail.AuditEntry> entries) {}
}
