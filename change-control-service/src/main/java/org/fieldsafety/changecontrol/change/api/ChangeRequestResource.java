package org.fieldsafety.changecontrol.change.api;

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
import java.util.Map;
import java.util.UUID;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CloseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CommunicateChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ReleaseChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.VerifyChange;
import org.fieldsafety.changecontrol.change.ChangeRequestService;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.Step;
import org.fieldsafety.platform.web.IfMatch;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Change requests (IEC 62304 6.2, 6.3, 8.2): one POST per step ({@link ChangeRequestService}). A step may name
 * the version of the request it was decided on ({@code If-Match: "<version>"}): 412 when the request moved on
 * since, and nothing is applied.
 */
@Path("/api/v1/change-requests")
@RolesAllowed({
    Roles.ENGINEERING,
    Roles.QUALITY_ASSURANCE,
    Roles.CCB_MEMBER,
    Roles.REGULATORY_AFFAIRS,
    Roles.AUDITOR,
    Roles.ADMIN
})
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {

    private final ChangeRequestService changes;

    ChangeRequestResource(ChangeRequestService changes) {
        this.changes = changes;
    }

    /** Change requests, the oldest first. */
    @GET
    public Uni<List<ChangeRequestResponse>> list(
            @QueryParam("problemId") String problemId,
            @QueryParam("fscaCaseId") String fscaCaseId,
            @QueryParam("status") ChangeRequestStatus status) {
        return changes.list(problemId, fscaCaseId, status)
                .map(views -> views.stream().map(ChangeRequestResponse::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<ChangeRequestResponse> get(@PathParam("id") String id) {
        return changes.get(id).map(ChangeRequestResponse::of);
    }

    /**
     * The change's traceability (IEC 62304 8.2.4). Its problem reports are the one it names and the one
     * opened for triage's problem it answers.
     */
    @GET
    @Path("{id}/trace")
    public Uni<TraceResponse> trace(@PathParam("id") String id) {
        return changes.trace(id).map(TraceResponse::of);
    }

    /** A change request raised by hand (IEC 62304 6.2.1.3); the caller is its requester. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public Response raise(@Valid @NotNull RaiseRequest request, @Context UriInfo uri) {
        ChangeRequestService.Raised raised = changes.raise((user, now) -> new RaiseChangeRequest(
                UUID.randomUUID().toString(),
                request.title(),
                request.reason(),
                request.productId(),
                List.copyOf(request.softwareItems()),
                request.problemReportId(),
                null,
                request.fscaCaseId(),
                user,
                now));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(raised.request().changeRequestId())
                        .build())
                .entity(ChangeRequestResponse.raised(raised.request(), raised.status()))
                .build();
    }

    /** The impact analysis (IEC 62304 6.2.3). */
    @POST
    @Path("{id}/impact-analysis")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.ENGINEERING)
    public StepResponse analyseImpact(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ImpactAnalysisRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new AnalyseImpact(
                        id,
                        new ImpactAnalysis(
                                request.summary(),
                                List.copyOf(request.affectedItems()),
                                request.testsToRepeat() == null ? List.of() : List.copyOf(request.testsToRepeat()),
                                user,
                                now,
                                request.safetyClasses() == null ? Map.of() : Map.copyOf(request.safetyClasses()))));
    }

    /** The change board's signed approval (IEC 62304 6.2.4; 21 CFR 11.50, 11.200). */
    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.CCB_MEMBER)
    public StepResponse approve(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ApprovalRequest request) {
        ChangeRequestService.Approved approved = changes.approve(id, request.signature(), IfMatch.version(ifMatch));
        return new StepResponse(id, approved.status(), approved.signature());
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
    public StepResponse implement(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ImplementationRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new ImplementChange(
                        id,
                        new Implementation(
                                request.softwareVersion(),
                                List.copyOf(request.commits()),
                                user,
                                now,
                                request.reclassificationList())));
    }

    /** The verification of the implemented change (IEC 62304 8.2.3, 9.8). */
    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse verify(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull VerificationRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new VerifyChange(
                        id,
                        new Verification(
                                request.records().stream()
                                        .map(VerificationRequest.RecordRequest::toRecord)
                                        .toList(),
                                request.regressionTestsRepeated(),
                                user,
                                now)));
    }

    /** The re-release of the verified software (IEC 62304 6.3). */
    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse release(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ReleaseRequest request) {
        return step(
                id,
                ifMatch,
                (user, now) -> new ReleaseChange(
                        id, new Release(request.version(), List.copyOf(request.residualAnomalies()), user, now)));
    }

    /** The communication to users and regulators (IEC 62304 6.2.5). */
    @POST
    @Path("{id}/communication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE})
    public StepResponse communicate(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull CommunicationRequest request) {
        return step(id, ifMatch, (user, now) -> new CommunicateChange(id, request.toCommunication(user)));
    }

    /** The closing of the released and communicated change request. */
    @POST
    @Path("{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.QUALITY_ASSURANCE)
    public StepResponse close(
            @PathParam("id") String id,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ClosureRequest request) {
        return step(id, ifMatch, (user, now) -> new CloseChangeRequest(id, new Closure(request.summary(), user, now)));
    }

    private StepResponse step(String id, String ifMatch, Step<? extends ChangeRequestCommand> step) {
        return new StepResponse(id, changes.send(id, step, IfMatch.version(ifMatch)), null);
    }
}
