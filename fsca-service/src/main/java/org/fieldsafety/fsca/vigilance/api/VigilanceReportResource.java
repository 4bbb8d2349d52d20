package org.fieldsafety.fsca.vigilance.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.AcknowledgementRequest;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.DraftRequest;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.SubmissionRequest;
import org.fieldsafety.fsca.vigilance.render.VigilanceDocuments;
import org.fieldsafety.platform.Roles;

/**
 * The vigilance reports ({@link VigilanceReportService}): regulatory affairs completes, submits and records
 * the authority's answer; quality assurance and auditors read. A report is served as its data, its
 * submission file or its form, by content negotiation. Steps run on a worker thread (Axon and the signature
 * check are blocking).
 */
@Path("/api/v1/vigilance-reports")
@RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.AUDITOR})
public class VigilanceReportResource {

    static final String PDF = "application/pdf";

    private final VigilanceReportService reports;
    private final SecurityIdentity identity;

    VigilanceReportResource(VigilanceReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    /** The reports, those due first first; {@code caseId} and {@code status} filter. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<VigilanceReportSummary>> list(
            @QueryParam("caseId") String caseId, @QueryParam("status") VigilanceReportStatus status) {
        return reports.list(caseId, status)
                .map(all -> all.stream().map(VigilanceReportSummary::of).toList());
    }

    /** The report's data and its document (as submitted, or as it would be submitted today). */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<VigilanceReportResponse> get(@PathParam("id") String id) {
        return reports.compose(id).map(VigilanceReportResponse::of);
    }

    /** The submission file, checked against its schema; 400 when the report lacks what the schema requires. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_XML)
    @Blocking
    public Response xml(@PathParam("id") String id) {
        return file(reports.xml(reports.composed(id).document()));
    }

    /** The authority's form, human-readable. */
    @GET
    @Path("{id}")
    @Produces(PDF)
    @Blocking
    public Response pdf(@PathParam("id") String id) {
        return file(reports.pdf(reports.composed(id).document()));
    }

    /**
     * Completes the draft: the narrative, the IMDRF codes of the incident (Annexes A, E, F) and of the
     * investigation (B, C, D, G), each validated against the loaded release; only while it is a draft.
     */
    @PUT
    @Path("{id}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void complete(@PathParam("id") String id, @Valid @NotNull DraftRequest request) {
        reports.complete(id, request.completion(), identity.getPrincipal().getName(), null);
    }

    /**
     * Submits the report, signed with the meaning APPROVAL (21 CFR 11.50): frozen, its file's SHA-256 in its
     * events, the case's clock discharged (met or late); a second submission is 409.
     */
    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public VigilanceReportService.Submitted submit(
            @PathParam("id") String id, @Valid @NotNull SubmissionRequest request) {
        return reports.submit(id, request.reference(), request.submittedAt(), request.signature(), identity, null);
    }

    /** The authority's answer: accepted with its reference, or rejected with the reason (its clock reopens). */
    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void acknowledge(@PathParam("id") String id, @Valid @NotNull AcknowledgementRequest request) {
        reports.acknowledge(
                id,
                request.accepted(),
                request.authorityReference(),
                request.reason(),
                identity.getPrincipal().getName(),
                null);
    }

    private static Response file(VigilanceDocuments.Rendition rendition) {
        return Response.ok(rendition.content(), rendition.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + rendition.fileName() + "\"")
                .build();
    }
}
