package org.fieldsafety.triage.problem.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.triage.problem.TrendTracker;
import org.fieldsafety.triage.result.ReportTriage;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Problems of a product (IEC 62304 9.1, 9.6): occurrence counts, first/last seen, versions, countries and
 * the trend state (MDR Art. 88).
 */
@Path("/api/v1/problems")
public class ProblemResource {

    private final ReportTriage triage;
    private final TrendTracker problems;

    ProblemResource(ReportTriage triage, TrendTracker problems) {
        this.triage = triage;
        this.problems = problems;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<List<ProblemView>> list(@RestQuery @NotBlank String productId) {
        return triage.occurrences(productId)
                .chain(occurrences -> problems.ofProduct(productId).map(trends -> occurrences.stream()
                        .map(o -> new ProblemView(
                                o.problemId(),
                                productId,
                                o.softwareItem(),
                                o.faultCode(),
                                o.reports(),
                                o.firstSeen(),
                                o.lastSeen(),
                                o.softwareVersions(),
                                o.countries(),
                                ProblemView.Trend.of(trends.get(o.problemId()))))
                        .toList()));
    }
}
