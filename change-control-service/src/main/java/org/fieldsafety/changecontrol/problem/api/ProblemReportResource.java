package org.fieldsafety.changecontrol.problem.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.changecontrol.problem.AdvisedParty;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.Investigation;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.AdviseParties;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.CloseProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.DecideNoAction;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.InvestigateProblem;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.LinkChangeRequests;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.VerifyResolution;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.changecontrol.problem.ResolutionVerification;
import org.fieldsafety.changecontrol.problem.query.ProblemReportView;
import org.fieldsafety.changecontrol.problem.query.ResolutionFacts;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;

/** Software problem reports (IEC 62304 clause 9): one POST per step of the problem resolution process. */
@Path("/api/v1/problem-reports")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemReportResource {

    private final CommandGateway commands;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ResolutionFacts facts;
    private final ResolutionConfig config;

    ProblemReportResource(
            CommandGateway commands,
            SecurityIdentity identity,
            Clock clock,
            ResolutionFacts facts,
            ResolutionConfig config) {
        this.commands = commands;
        this.identity = identity;
        this.clock = clock;
        this.facts = facts;
        this.config = config;
    }

    /** Problem reports, the oldest first; {@code problemId} is triage's problem id. */
    @GET
    @WithSession
    @RolesAllowed({
        Roles.ENGINEERING,
        Roles.QUALITY_ASSURANCE,
        Roles.CCB_MEMBER,
        Roles.REGULATORY_AFFAIRS,
        Roles.AUDITOR,
        Roles.ADMIN
    })
    public Uni<List<ProblemReportResponse>> list(
            @QueryParam("problemId") String problemId, @QueryParam("status") ProblemReportStatus status) {
        ViewFilter filter = new ViewFilter().with("problemId", problemId).with("status", status);
        return ProblemReportView.<ProblemReportView>find(
                        filter.query(), Sort.by("openedAt").and("id"), filter.parameters())
                .list()
                .map(views -> views.stream().map(ProblemReportResponse::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    @RolesAllowed({
        Roles.ENGINEERING,
        Roles.QUALITY_ASSURANCE,
        Roles.CCB_MEMBER,
        Roles.REGULATORY_AFFAIRS,
        Roles.AUDITOR,
        Roles.ADMIN
    })
    public Uni<ProblemReportResponse> get(@PathParam("id") String id) {
        return ProblemReportView.<ProblemReportView>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Problem report " + id))
                .map(ProblemReportResponse::of);
    }

    /** A problem report opened by hand (IEC 62304 9.1); the caller opens it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public Response open(@Valid @NotNull OpenProblemReportRequest request, @Context UriInfo uri) {
        String id = UUID.randomUUID().toString();
        ProblemReportStatus status = commands.sendAndWait(new OpenProblemReport(
                id,
                null,
                request.productId(),
                request.softwareItem(),
                request.softwareVersion(),
                request.faultCode(),
                request.description(),
                new Criticality(
                        request.criticality().level(), request.criticality().statement()),
                user(),
                clock.instant()));
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
    public ProblemStepResponse investigate(@PathParam("id") String id, @Valid @NotNull InvestigationRequest request) {
        ProblemReportStatus status = send(
                id,
                new InvestigateProblem(
                        id,
                        new Investigation(
                                request.cause(),
                                request.safetyRelevant(),
                                request.safetyRelevance(),
                                request.outcome(),
                                user(),
                                clock.instant())));
        return new ProblemStepResponse(id, status);
    }

    /** The change requests that resolve the problem (IEC 62304 9.2, 9.4). */
    @POST
    @Path("{id}/change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public ProblemStepResponse linkChangeRequests(
            @PathParam("id") String id, @Valid @NotNull ChangeRequestLinkRequest request) {
        ProblemReportStatus status =
                send(id, new LinkChangeRequests(id, List.copyOf(request.changeRequestIds()), user(), clock.instant()));
        return new ProblemStepResponse(id, status);
    }

    /** No change, with the rationale (IEC 62304 9.2). */
    @POST
    @Path("{id}/no-action")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.ENGINEERING, Roles.QUALITY_ASSURANCE})
    public ProblemStepResponse decideNoAction(@PathParam("id") String id, @Valid @NotNull NoActionRequest request) {
        ProblemReportStatus status = send(id, new DecideNoAction(id, request.rationale(), user(), clock.instant()));
        return new ProblemStepResponse(id, status);
    }

    /** The relevant parties advised, and when (IEC 62304 9.3); does not move the status. */
    @POST
    @Path("{id}/parties-advised")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.ENGINEERING, Roles.QUALITY_ASSURANCE, Roles.REGULATORY_AFFAIRS})
    public ProblemStepResponse adviseParties(
            @PathParam("id") String id, @Valid @NotNull PartiesAdvisedRequest request) {
        ProblemReportStatus status = send(
                id,
                new AdviseParties(
                        id,
                        request.parties().stream()
                                .map(p -> new AdvisedParty(p.who(), p.advisedAt()))
                                .toList(),
                        user()));
        return new ProblemStepResponse(id, status);
    }

    /**
     * The verification of the resolution (IEC 62304 9.7), checked against the field facts read here: the
     * fixed release and the problem's field reports.
     */
    @POST
    @Path("{id}/resolution-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public ProblemStepResponse verifyResolution(
            @PathParam("id") String id, @Valid @NotNull ResolutionVerificationRequest request) {
        ResolutionFacts.Facts field = facts.forVerification(id, request.fixedVersion());
        ProblemReportStatus status = send(
                id,
                new VerifyResolution(
                        id,
                        new ResolutionVerification(
                                request.resolved(),
                                request.trendReversed(),
                                request.changeImplementedInRightItems(),
                                request.noNewProblems(),
                                user(),
                                clock.instant()),
                        field.fixedRelease(),
                        field.fieldReports(),
                        config.noRecurrenceWindow()));
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
    public ProblemStepResponse close(@PathParam("id") String id) {
        ProblemReportStatus status = send(
                id,
                new CloseProblemReport(id, user(), clock.instant(), facts.forClosure(id), config.noRecurrenceWindow()));
        return new ProblemStepResponse(id, status);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    /** The status the command's step moved the report to, null when it did not move it. */
    private ProblemReportStatus send(String id, ProblemReportCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("Problem report " + id);
        }
    }
}
