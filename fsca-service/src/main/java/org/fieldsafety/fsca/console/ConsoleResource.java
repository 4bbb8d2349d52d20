package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.api.DecisionRequest;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseSummary;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The regulatory staff console: server-rendered pages over the application service the API uses ({@link
 * FscaCaseService}), so the console reads, decides and signs exactly as the API does. Every staff role may
 * look; only regulatory affairs decides, with the electronic signature of 21 CFR 11.50 and 11.200.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** A refused decision's problem, for the case page's next view only. */
    static final String PROBLEM_COOKIE = "console-problem";

    private final FscaCaseService cases;
    private final Validator validator;
    private final SecurityIdentity identity;
    private final Clock clock;

    ConsoleResource(FscaCaseService cases, Validator validator, SecurityIdentity identity, Clock clock) {
        this.cases = cases;
        this.validator = validator;
        this.identity = identity;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<FscaCaseSummary> cases, String user, Instant now);

        static native TemplateInstance fscaCase(
                FscaCaseResponse fsca,
                List<CaseTimeline.Entry> timeline,
                String problem,
                boolean canDecide,
                List<FscaDecision> decisions,
                List<FscaAction> actions,
                List<SignatureMeaning> meanings,
                String user);

        static native TemplateInstance notice(
                String caseId, FscaCaseService.Notice notice, String problem, String user);

        static native TemplateInstance signedOut();
    }

    /**
     * Where the identity provider returns a browser after signing out ({@code /console/logout}, handled by
     * the console's OIDC tenant, ends the session there and here).
     */
    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    /** The queue: every case not yet closed, the nearest reporting deadline first; no incident loaded. */
    @GET
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> queue() {
        return cases.queue()
                .map(open -> Templates.queue(
                        open.stream()
                                .map(view -> FscaCaseSummary.of(view, clock))
                                .toList(),
                        user(),
                        clock.instant()));
    }

    /**
     * One case: its incidents and the state of each clock, the worst risk, the timeline and, while undecided
     * or when news awaits the decision's review, the decision form; with the problem of a decision just refused
     * ({@link #PROBLEM_COOKIE}, read once).
     */
    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<RestResponse<TemplateInstance>> fscaCase(
            @RestPath String caseId, @RestCookie(PROBLEM_COOKIE) String problem) {
        return cases.get(caseId)
                .map(details -> FscaCaseResponse.of(details, clock))
                .map(fsca -> {
                    TemplateInstance page = Templates.fscaCase(
                            fsca,
                            CaseTimeline.of(fsca),
                            problem == null ? null : URLDecoder.decode(problem, StandardCharsets.UTF_8),
                            decidable(fsca) && identity.hasRole(Roles.REGULATORY_AFFAIRS),
                            List.of(FscaDecision.values()),
                            List.of(FscaAction.values()),
                            List.of(SignatureMeaning.values()),
                            user());
                    return problem == null
                            ? RestResponse.ok(page)
                            : RestResponse.ResponseBuilder.ok(page)
                                    .cookie(problemCookie(caseId, "", 0))
                                    .build();
                });
    }

    /**
     * The signed decision from the form, through the API's own command path; back to the case page (303).
     * When the signature or a rule refused it, the problem's detail travels in a short-lived cookie of that
     * page, never in the URL: nothing from a query string is shown on a page.
     */
    @POST
    @Path("cases/{caseId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public Response decide(
            @RestPath String caseId,
            @RestForm FscaDecision decision,
            @RestForm String action,
            @RestForm String rationale,
            @RestForm boolean remedialActionNeeded,
            @RestForm String password,
            @RestForm SignatureMeaning meaning) {
        DecisionRequest request = new DecisionRequest(
                decision,
                rationale,
                action == null || action.isBlank() ? null : FscaAction.valueOf(action),
                remedialActionNeeded,
                new SignatureRequest(password, meaning));
        String problem = incomplete(request);
        if (problem == null) {
            try {
                cases.decide(
                        caseId,
                        request.decision(),
                        request.action(),
                        request.rationale(),
                        request.remedialActionNeeded(),
                        request.signature());
            } catch (DomainException e) {
                problem = e.getMessage();
            }
        }
        Response.ResponseBuilder page =
                Response.seeOther(UriBuilder.fromPath("/console/cases/{caseId}").build(caseId));
        return problem == null
                ? page.build()
                : page.cookie(problemCookie(caseId, URLEncoder.encode(problem, StandardCharsets.UTF_8), 60))
                        .build();
    }

    /** The Field Safety Notice as issued, or its preview; explains why there is none when not required. */
    @GET
    @Path("cases/{caseId}/notice")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> notice(@RestPath String caseId) {
        return cases.notice(caseId)
                .map(notice -> Templates.notice(caseId, notice, null, user()))
                .onFailure(RuleViolation.class)
                .recoverWithItem(e -> Templates.notice(caseId, null, e.getMessage(), user()));
    }

    /** A case takes a decision while undecided, and a review of it once news came after it. */
    static boolean decidable(FscaCaseResponse fsca) {
        return fsca.status() == CaseStatus.OPEN
                || (fsca.decisionReviewRequired() && fsca.status() != CaseStatus.CLOSED);
    }

    /** What the form lacks, as the API's validation of the same request would name it; null when complete. */
    private String incomplete(DecisionRequest request) {
        Set<ConstraintViolation<DecisionRequest>> violations = validator.validate(request);
        return violations.isEmpty()
                ? null
                : "Please complete the form: "
                        + violations.stream()
                                .map(v -> v.getPropertyPath().toString().replaceFirst("^.*\\.", "") + " "
                                        + v.getMessage())
                                .sorted(Comparator.naturalOrder())
                                .collect(Collectors.joining(", "));
    }

    /** The signed-in user's full name from the identity provider. */
    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }

    private static NewCookie problemCookie(String caseId, String value, int maxAge) {
        return new NewCookie.Builder(PROBLEM_COOKIE)
                .value(value)
                .path("/console/cases/" + caseId)
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
