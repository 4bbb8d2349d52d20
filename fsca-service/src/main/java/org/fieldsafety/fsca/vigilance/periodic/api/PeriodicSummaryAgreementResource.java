package org.fieldsafety.fsca.vigilance.periodic.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryAgreementService;
import org.fieldsafety.fsca.vigilance.periodic.api.AgreementRequests.AgreementRequest;
import org.fieldsafety.fsca.vigilance.periodic.api.AgreementRequests.EndRequest;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signature.Signature;

/**
 * The periodic summary reporting agreements ({@link PeriodicSummaryAgreementService}): regulatory affairs records
 * and ends them, signed; auditors read. Steps run on a worker thread (Axon and the signature check are
 * blocking).
 */
@Path("/api/v1/periodic-summary-agreements")
@RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.AUDITOR})
public class PeriodicSummaryAgreementResource {

    private final PeriodicSummaryAgreementService agreements;
    private final SecurityIdentity identity;

    PeriodicSummaryAgreementResource(PeriodicSummaryAgreementService agreements, SecurityIdentity identity) {
        this.agreements = agreements;
        this.identity = identity;
    }

    /** The agreements in the order they were reached; {@code productId} and {@code problemId} filter. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<AgreementResponse>> list(
            @QueryParam("productId") String productId, @QueryParam("problemId") String problemId) {
        return agreements
                .list(productId, problemId)
                .map(all -> all.stream().map(AgreementResponse::of).toList());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<AgreementResponse> get(@PathParam("id") String id) {
        return agreements.get(id).map(AgreementResponse::of);
    }

    /** Records an agreement, signed APPROVAL: 201 with its id and the signature. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public Response create(@Valid @NotNull AgreementRequest request) {
        PeriodicSummaryAgreementService.Recorded recorded =
                agreements.record(request.terms(), request.signature(), identity);
        return Response.created(URI.create("/api/v1/periodic-summary-agreements/" + recorded.agreementId()))
                .entity(recorded)
                .build();
    }

    /** Ends the agreement, signed APPROVAL: incidents the manufacturer learns of afterwards are reported each. */
    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public Signature end(@PathParam("id") String id, @Valid @NotNull EndRequest request) {
        return agreements.end(id, request.endedAt(), request.reason(), request.signature(), identity);
    }
}
