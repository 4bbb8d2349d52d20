package org.fieldsafety.triage.problem.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.util.List;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.triage.problem.ProblemWeeks;
import org.fieldsafety.triage.problem.TrendTracker;
import org.fieldsafety.triage.result.ReportTriage;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Problems of a product (IEC 62304 9.1, 9.6): occurrence counts, first/last seen, versions, countries and
 * the trend state (MDR Art. 88), and a problem's reports per week against its trend's expectation.
 */
@Path("/api/v1/problems")
public class ProblemResource {

    private final ReportTriage triage;
    private final TrendTracker problems;
    private final Clock clock;

    ProblemResource(ReportTriage triage, TrendTracker problems, Clock clock) {
        this.triage = triage;
        this.problems = problems;
        this.clock = clock;
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

    /**
     * A problem's counted reports (MDR Art. 88) in each of the last {@code weeks} UTC weeks (1 to 104), the
     * current week last, against what its trend expects per week: what the console's trend chart draws.
     */
    @GET
    @Path("{problemId}/weeks")
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<ProblemWeeks> weeks(
            @RestPath String problemId, @RestQuery @DefaultValue("26") @Min(1) @Max(104) int weeks) {
        return problems.weeks(problemId, weeks, clock.instant());
    }
}
