package org.fieldsafety.triage.result;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;

/** A report's triage result: 404 until the report is triaged. */
@Path("/api/v1/triage/{reportId}")
public class TriageResource {

    TriageResource() {}

    @GET
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<TriageView> get(@PathParam("reportId") String reportId) {
        return TriageResultEntity.<TriageResultEntity>findById(reportId).map(row -> {
            if (row == null) {
                throw new NotFound("Triage result of report " + reportId);
            }
            return row.view;
        });
    }
}
