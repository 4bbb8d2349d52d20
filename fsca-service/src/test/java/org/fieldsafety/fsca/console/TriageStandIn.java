package org.fieldsafety.fsca.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fieldsafety.fsca.console.problems.ProblemWeeks;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Triage's {@code GET /api/v1/problems/{problemId}/weeks} as the console's tests need it: the console's
 * browser test cannot start triage, so fsca's test run answers for it ({@code %test.fieldsafety.triage.url}),
 * behind fsca's own bearer-token check, with the weeks a test put here. The real endpoint is triage's
 * ProblemFlowTest's; the system tests' browser run reads it from triage itself.
 */
@Path("/api/v1/problems")
public class TriageStandIn {

    static final Map<String, ProblemWeeks> WEEKS = new ConcurrentHashMap<>();

    @GET
    @Path("{problemId}/weeks")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public ProblemWeeks weeks(@RestPath String problemId, @RestQuery int weeks) {
        ProblemWeeks known = WEEKS.get(problemId);
        if (known == null || known.weeks().size() != weeks) {
            throw new NotFound("Problem " + problemId);
        }
        return known;
    }
}
