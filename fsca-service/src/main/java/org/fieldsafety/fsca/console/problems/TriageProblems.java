package org.fieldsafety.fsca.console.problems;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Triage's problem API as the console reads it ({@code fieldsafety.triage.url}), with the signed-in user's
 * access token, so triage checks that user's roles as it does for any client.
 */
@RegisterRestClient(configKey = "triage")
@Path("/api/v1/problems")
public interface TriageProblems {

    /** {@code GET /api/v1/problems/{problemId}/weeks}: the problem's reports per week, {@code weeks} of them. */
    @GET
    @Path("{problemId}/weeks")
    Uni<ProblemWeeks> weeks(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath String problemId,
            @RestQuery int weeks);
}
