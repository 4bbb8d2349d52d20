package org.fieldsafety.changecontrol.problem.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.changecontrol.problem.AdvisedParty;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.Investigation;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.AdviseParties;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.DecideNoAction;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.InvestigateProblem;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.LinkChangeRequests;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportService;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.changecontrol.problem.ResolutionVerification;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.Step;
import org.fieldsafety.platform.web.IfMatch;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Software problem reports (IEC 62304 clause 9): one POST per step of the problem resolution process
 * ({@link ProblemReportService}). A step may name the version of the report it was decided on ({@code If-Match:
 * "<version>"}): 412 when the report moved on since, and nothing is applied.
 */
@Path("/api/v1/problem-reports")
@RolesAllowed({
    Roles.ENGINEERING,
    Roles.QUALITY_ASSURANCE,
    Roles.CCB_MEMBER,
    Roles.REGULATORY_AFFAIRS,
    Roles.AUDITOR,
    Roles.ADMIN
})
@Produces(MediaType.APPLICATION_JSON)
public class ProblemReportResource {

    private final ProblemReportService reports;

    ProblemReportResource(ProblemReportService reports) {
        this.reports = reports;
    }

    /** Problem reports, the oldest first; {@code problemId} is triage's problem id. */
    @GET
    public Uni<List<ProblemReportResponse>> list(
            @QueryParam("problemId") String problemId, @QueryParam("status") ProblemReportStatus status) {
        return reports.list(problemId, status)
                .map(views -> views.stream().map(ProblemReportResponse::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<ProblemReportResponse> get(@PathParam("id") String id) {
        return reports.get(id).map(ProblemReportResponse::of);
    }

    /** A problem report opened by hand (IEC 62304 9.1); the caller opens it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public Response open(@Valid @NotNull OpenProblemReportRequest request, @Context UriInfo uri) {
        String id = UUID.randomUUID().toString();
        ProblemReportStatus status = reports.open((user, now) -> new OpenProblemReport(
                id,
                null,
                request.productId(),
                request.softwareItem(),
                request.softwareVersion(),
                request.faultCode(),
                request.description(),
                new Criticality(
                        request.criticality().level(), request.criticality().statement()),
                user,
                now));
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(new ProblemStepResponse(id, status))
                .build();
    }

    /** The investigation: cause, relevance to safety, outcome (IEC 62304 9.2). */
    @POST
    @Path("{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public ProblemStepResponse investigate(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull InvestigationRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new InvestigateProblem(
                        id,
                        new Investigation(
                                request.cause(),
                                request.safetyRelevant(),
                                request.safetyRelevance(),
                                request.outcome(),
                                user,
                                now)));
    }

    /** The change requests that resolve the problem (IEC 62304 9.2, 9.4). */
    @POST
    @Path("{id}/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public ProblemStepResponse linkChangeRequests(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ChangeRequestLinkRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new LinkChangeRequests(id, List.copyOf(request.changeRequestIds()), user, now));
    }

    /** No change, with the rationale (IEC 62304 9.2). */
    @POST
    @Path("{id}/no-action")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.ENGINEERING, Roles.QUALITY_ASSURANCE})
    public ProblemStepResponse decideNoAction(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull NoActionRequest request) {
        return step(id, ifMatch, (user, now) -> new DecideNoAction(id, request.rationale(), user, now));
    }

    /** The relevant parties advised, and when (IEC 62304 9.3); does not move the status. */
    @POST
    @Path("{id}/parties-advised")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.ENGINEERING, Roles.QUALITY_ASSURANCE, Roles.REGULATORY_AFFAIRS})
    public ProblemStepResponse adviseParties(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull PartiesAdvisedRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new AdviseParties(
                        id,
                        request.parties().stream()
                                .map(p -> new AdvisedParty(p.who(), p.advisedAt()))
                                .toList(),
                        user));
    }

    /**
     * The verification of the resolution (IEC 62304 9.7), checked against the field facts: the fixed release
     * and the problem's field reports.
     */
    @POST
    @Path("{id}/resolution-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public ProblemStepResponse verifyResolution(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ResolutionVerificationRequest request) {
        ProblemReportStatus status = reports.verifyResolution(
                id,
                request.fixedVersion(),
                (user, now) -> new ResolutionVerification(
                        request.resolved(),
                        request.trendReversed(),
                        request.changeImplementedInRightItems(),
                        request.noNewProblems(),
                        user,
                        now),
                IfMatch.version(ifMatch));
        return new ProblemStepResponse(id, status);
    }

    /**
     * The closing, once the resolution is verified and while the problem still has not recurred on the fix
     * (IEC 62304 9.7).
     */
    @POST
    @Path("{id}/closure")
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public ProblemStepResponse close(@PathParam("id") String id, @RestHeader("If-Match") String ifMatch) {
        return new ProblemStepResponse(id, reports.close(id, IfMatch.version(ifMatch)));
    }

    private ProblemStepResponse step(String id, String ifMatch, Step<? extends ProblemReportCommand> step) {
        return new ProblemStepResponse(id, reports.send(id, step, IfMatch.version(ifMatch)));
    }
}
