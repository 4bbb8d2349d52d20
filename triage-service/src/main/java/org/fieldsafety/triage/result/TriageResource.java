package org.fieldsafety.triage.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.UncheckedIOException;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;

/** A report's triage result: 404 until the report is triaged. */
@Path("/api/v1/triage/{reportId}")
public class TriageResource {

    private final ObjectMapper json;

    TriageResource(ObjectMapper json) {
        this.json = json;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<TriageView> get(@PathParam("reportId") String reportId) {
        return TriageResultEntity.<TriageResultEntity>findById(reportId).map(row -> {
            if (row == null) {
                throw new NotFound("Triage result of report " + reportId);
            }
            try {
                return json.readValue(row.view, TriageView.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
