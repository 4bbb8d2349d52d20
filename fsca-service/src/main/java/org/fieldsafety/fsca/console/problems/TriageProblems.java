package org.fieldsafety.fsca.console.problems;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.fieldsafety.fsca.console.UserToken;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Triage's problem API as the console reads it ({@code fieldsafety.triage.url}), with the signed-in user's
 * access token ({@link UserToken}), so triage checks that user's roles as it does for any client.
 */
@RegisterRestClient(configKey = "triage")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1/problems")
public interface TriageProblems {

    /** {@code GET /api/v1/problems/{problemId}/weeks}: the problem's reports per week, {@code weeks} of them. */
    @GET
    @Path("{problemId}/weeks")
    Uni<ProblemWeeks> weeks(@RestPath String problemId, @RestQuery int weeks);
}
