package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The regulatory staff console: server-rendered pages over the application service the API uses ({@link
 * FscaCaseService}), so the console reads, decides and signs exactly as the API does. Every staff role may
 * look; only regulatory affairs decides, with the electronic signature of 21 CFR 11.50 and 11.200.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

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

        static native TemplateInstance login(boolean failed, boolean signedOut);
    }

    /**
     * The sign-in page; it posts to the form mechanism's {@code /console/j_security_check}, which sets the
     * session cookie and returns to the page first asked for (or the queue).
     */
    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@RestQuery boolean error, @RestQuery boolean signedOut) {
        return Templates.login(error, signedOut);
    }

    /** Ends the console session (a POST with the form's CSRF token, so no other site can sign anyone out). */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/console/login?signedOut=true")).build();
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

    /** One case: its incidents and clocks, the worst risk, the timeline and, while open, the decision form. */
    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> fscaCase(@RestPath String caseId, @RestQuery String problem) {
        return cases.get(caseId)
                .map(details -> FscaCaseResponse.of(details, clock))
                .map(fsca -> Templates.fscaCase(
                        fsca,
                        CaseTimeline.of(fsca),
                        problem,
                        fsca.status() == CaseStatus.OPEN && identity.hasRole(Roles.REGULATORY_AFFAIRS),
                        List.of(FscaDecision.values()),
                        List.of(FscaAction.values()),
                        List.of(SignatureMeaning.values()),
                        user()));
    }

    /**
     * The signed decision from the form, through the API's own command path; back to the case page
     * (303), which shows the problem's detail when the signature or a rule rejected it.
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
            @RestForm String password,
            @RestForm SignatureMeaning meaning) {
        DecisionRequest request = new DecisionRequest(
                decision,
                rationale,
                action == null || action.isBlank() ? null : FscaAction.valueOf(action),
                new SignatureRequest(password, meaning));
        String problem = incomplete(request);
        if (problem == null) {
            try {
                cases.decide(caseId, request.decision(), request.action(), request.rationale(), request.signature());
            } catch (DomainException e) {
                problem = e.getMessage();
            }
        }
        UriBuilder page = UriBuilder.fromPath("/console/cases/{caseId}");
        return Response.seeOther(
                        problem == null
                                ? page.build(caseId)
                                : page.queryParam("problem", "{problem}").build(caseId, problem))
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

    private String user() {
        return identity.getPrincipal().getName();
    }
}
