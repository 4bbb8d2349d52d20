package org.fieldsafety.changecontrol.audit.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.fieldsafety.changecontrol.problem.ProblemReport;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.platform.Roles;

/** A problem report's audit trail, verified on demand (21 CFR 11.10(e)). */
@Path("/api/v1/problem-reports/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemReportAuditResource {

    private final AuditTrail trail;

    ProblemReportAuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code verified}: every stored event still produces its recorded link, and the links are unbroken. */
    @GET
    @Blocking
    @RolesAllowed({
        Roles.REGULATORY_AFFAIRS,
        Roles.QUALITY_ASSURANCE,
        Roles.ENGINEERING,
        Roles.CCB_MEMBER,
        Roles.AUDITOR,
        Roles.ADMIN
    })
    public AuditResponse audit(@PathParam("id") String id) {
        return AuditResponse.of(id, trail.audit(ProblemReport.class, id));
    }
}
