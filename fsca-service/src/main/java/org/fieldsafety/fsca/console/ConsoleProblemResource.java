package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.console.problems.ProblemWeeks;
import org.fieldsafety.fsca.console.problems.TriageProblems;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A problem's page: its reports per week against its expected rate, as triage counts them (read from
 * triage's API with the signed-in user's access token), with the trend signals its cases hold (MDR Art. 88)
 * marked on the chart, and its cases. When triage does not answer, the page says so and still lists the
 * signals.
 */
@Path("/console/problems")
@Produces(MediaType.TEXT_HTML)
public class ConsoleProblemResource {

    /** How many weeks the chart shows: half a year. */
    static final int WEEKS = 26;

    private static final Logger LOG = Logger.getLogger(ConsoleProblemResource.class);

    private final FscaCaseService cases;
    private final TriageProblems triage;
    private final SecurityIdentity identity;
    private final Clock clock;

    ConsoleProblemResource(
            FscaCaseService cases, @RestClient TriageProblems triage, SecurityIdentity identity, Clock clock) {
        this.cases = cases;
        this.triage = triage;
        this.identity = identity;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(
                String problemId,
                ProblemWeeks weeks,
                TrendChart chart,
                List<TrendSignal> signals,
                List<FscaCaseResponse> cases,
                String user);
    }

    /** The problem's trend chart, its signals and its cases; staff roles. */
    @GET
    @Path("{problemId}")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> problem(@RestPath String problemId) {
        return cases.list(null, problemId).chain(details -> {
            List<FscaCaseResponse> problemCases =
                    details.stream().map(d -> FscaCaseResponse.of(d, clock)).toList();
            List<TrendSignal> signals = signals(problemCases);
            return triage.weeks(problemId, WEEKS)
                    .map(weeks -> Templates.problem(
                            problemId, weeks, TrendChart.of(weeks, signals), signals, problemCases, user()))
                    .onFailure()
                    .recoverWithItem(e -> {
                        LOG.warnf("Triage did not answer with the weeks of problem %s: %s", problemId, e.toString());
                        return Templates.problem(problemId, null, null, signals, problemCases, user());
                    });
        });
    }

    /** The trend signals of the problem's cases, each once, in the order raised. */
    static List<TrendSignal> signals(List<FscaCaseResponse> cases) {
        Map<String, TrendSignal> signals = new LinkedHashMap<>();
        cases.forEach(c -> c.trendSignals().forEach(s -> signals.putIfAbsent(s.signalId(), s)));
        return signals.values().stream()
                .sorted(Comparator.comparing(TrendSignal::raisedAt))
                .toList();
    }

    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }
}
