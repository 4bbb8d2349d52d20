package org.fieldsafety.triage.result.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.triage.result.ReportTriage;
import org.fieldsafety.triage.result.TriageView;

/** A report's triage result: 404 until the report is triaged. */
@Path("/api/v1/triage/{reportId}")
public class TriageResource {

    private final ReportTriage triage;

    TriageResource(ReportTriage triage) {
        this.triage = triage;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<TriageView> get(@PathParam("reportId") String reportId) {
        return triage.find(reportId);
    }
}
