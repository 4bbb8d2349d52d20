package org.fieldsafety.changecontrol.change.api;

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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CloseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CommunicateChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ReleaseChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.VerifyChange;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.changecontrol.problem.ProblemReports;
import org.fieldsafety.changecontrol.problem.query.ProblemReportView;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureVerifier;

@Path("/api/v1/change-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {

    private final CommandGateway commands;
    private final SignatureVerifier signatures;
    private final SecurityIdentity identity;
    private final Clock clock;

    ChangeRequestResource(
            CommandGateway commands, SignatureVerifier signatures, SecurityIdentity identity, Clock clock) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
    }

    /** Change requests, the oldest first. */
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
    public Uni<List<ChangeRequestResponse>> list(
            @QueryParam("problemId") String problemId,
            @QueryParam("fscaCaseId") String fscaCaseId,
            @QueryParam("status") ChangeRequestStatus status) {
        ViewFilter filter = new ViewFilter()
                .with("problemId", problemId)
                .with("fscaCaseId", fscaCaseId)
                .with("status", status);
        return ChangeRequestView.<ChangeRequestView>find(
                        filter.query(), Sort.by("raisedAt").and("id"), filter.parameters())
                .list()
                .map(views -> views.stream().map(ChangeRequestResponse::of).toList());
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
    public Uni<ChangeRequestResponse> get(@PathParam("id") String id) {
        return ChangeRequestView.<ChangeRequestView>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Change request " + id))
                .map(ChangeRequestResponse::of);
    }

    /**
     * The change's traceability (IEC 62304 8.2.4). Its problem reports are the one it names and the one
     * opened for triage's problem it answers.
     */
    @GET
    @Path("{id}/trace")
    @WithSession
    @RolesAllowed({
        Roles.ENGINEERING,
        Roles.QUALITY_ASSURANCE,
        Roles.CCB_MEMBER,
        Roles.REGULATORY_AFFAIRS,
        Roles.AUDITOR,
        Roles.ADMIN
    })
    public Uni<TraceResponse> trace(@PathParam("id") String id) {
        return ChangeRequestView.<ChangeRequestView>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Change request " + id))
                .chain(view -> {
                    List<String> reportIds = Stream.of(
                                    view.problemReportId,
                                    view.problemId == null ? null : ProblemReports.idForProblem(view.problemId))
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
                    Uni<List<ProblemReportView>> reports = reportIds.isEmpty()
                            ? Uni.createFrom().item(List.of())
                            : ProblemReportView.list("id in ?1", Sort.by("openedAt"), reportIds);
                    return reports.map(found -> TraceResponse.of(view, found));
                });
    }

    /** A change request raised by hand (IEC 62304 6.2.1.3); the caller is its requester. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public Response raise(@Valid @NotNull RaiseRequest request, @Context UriInfo uri) {
        RaiseChangeRequest command = new RaiseChangeRequest(
                UUID.randomUUID().toString(),
                request.title(),
                request.reason(),
                request.productId(),
                List.copyOf(request.softwareItems()),
                request.problemReportId(),
                null,
                request.fscaCaseId(),
                identity.getPrincipal().getName(),
                clock.instant());
        ChangeRequestStatus status = commands.sendAndWait(command);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(command.changeRequestId())
                        .build())
                .entity(ChangeRequestResponse.raised(command, status))
                .build();
    }

    /** The impact analysis (IEC 62304 6.2.3). */
    @POST
    @Path("{id}/impact-analysis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public StepResponse analyseImpact(@PathParam("id") String id, @Valid @NotNull ImpactAnalysisRequest request) {
        ChangeRequestStatus status = send(
                id,
                new AnalyseImpact(
                        id,
                        new ImpactAnalysis(
                                request.summary(),
                                List.copyOf(request.affectedItems()),
                                request.testsToRepeat() == null ? List.of() : List.copyOf(request.testsToRepeat()),
                                identity.getPrincipal().getName(),
                                clock.instant(),
                                request.safetyClasses() == null ? Map.of() : Map.copyOf(request.safetyClasses()))));
        return new StepResponse(id, status, null);
    }

    /** The change board's signed approval (IEC 62304 6.2.4; 21 CFR 11.50, 11.200). */
    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.CCB_MEMBER)
    public StepResponse approve(@PathParam("id") String id, @Valid @NotNull ApprovalRequest request) {
        Signature signature = signatures.sign(identity, request.signature());
        ChangeRequestStatus status = send(id, new ApproveChange(id, signature));
        return new StepResponse(id, status, signature);
    }

    /**
     * The implementation of the approved change (IEC 62304 8.2.1, 8.2.2); one that changes a safety class
     * sends the request back to impact analysis.
     */
    @POST
    @Path("{id}/implementation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public StepResponse implement(@PathParam("id") String id, @Valid @NotNull ImplementationRequest request) {
        Implementation implementation = new Implementation(
                request.softwareVersion(),
                List.copyOf(request.commits()),
                identity.getPrincipal().getName(),
                clock.instant(),
                request.reclassificationList());
        ChangeRequestStatus status = send(id, new ImplementChange(id, implementation));
        return new StepResponse(id, status, null);
    }

    /** The verification of the implemented change (IEC 62304 8.2.3, 9.8). */
    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse verify(@PathParam("id") String id, @Valid @NotNull VerificationRequest request) {
        ChangeRequestStatus status = send(
                id,
                new VerifyChange(
                        id,
                        new Verification(
                                request.records().stream()
                                        .map(VerificationRequest.RecordRequest::toRecord)
                                        .toList(),
                                request.regressionTestsRepeated(),
                                identity.getPrincipal().getName(),
                                clock.instant())));
        return new StepResponse(id, status, null);
    }

    /** The re-release of the verified software (IEC 62304 6.3). */
    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse release(@PathParam("id") String id, @Valid @NotNull ReleaseRequest request) {
        ChangeRequestStatus status = send(
                id,
                new ReleaseChange(
                        id,
                        new Release(
                                request.version(),
                                List.copyOf(request.residualAnomalies()),
                                identity.getPrincipal().getName(),
                                clock.instant())));
        return new StepResponse(id, status, null);
    }

    /** The communication to users and regulators (IEC 62304 6.2.5). */
    @POST
    @Path("{id}/communication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE})
    public StepResponse communicate(@PathParam("id") String id, @Valid @NotNull CommunicationRequest request) {
        ChangeRequestStatus status = send(
                id,
                new CommunicateChange(
                        id, request.toCommunication(identity.getPrincipal().getName())));
        return new StepResponse(id, status, null);
    }

    /** The closing of the released and communicated change request. */
    @POST
    @Path("{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse close(@PathParam("id") String id, @Valid @NotNull ClosureRequest request) {
        ChangeRequestStatus status = send(
                id,
                new CloseChangeRequest(
                        id,
                        new Closure(request.summary(), identity.getPrincipal().getName(), clock.instant())));
        return new StepResponse(id, status, null);
    }

    /** The status the command's step led to. */
    private ChangeRequestStatus send(String id, ChangeRequestCommand command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("Change request " + id);
        }
    }
}
