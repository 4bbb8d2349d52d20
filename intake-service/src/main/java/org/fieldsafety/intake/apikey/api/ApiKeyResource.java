package org.fieldsafety.intake.apikey.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.intake.apikey.ApiKeys;
import org.fieldsafety.platform.Roles;

/** API keys of machine clients ({@link ApiKeys}). */
@Path("/api/v1/api-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeys keys;

    ApiKeyResource(ApiKeys keys) {
        this.keys = keys;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull @Valid CreateApiKeyRequest request) {
        return keys.issue(request.client(), request.productsOrAll(), request.rateLimit())
                .map(issued -> Response.created(URI.create("/api/v1/api-keys/" + issued.key().id))
                        .entity(new ApiKeyCreated(issued.key().id, issued.secret()))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Uni<List<ApiKeyView>> list() {
        return keys.all().map(all -> all.stream().map(ApiKeyView::of).toList());
    }

    /** Revokes the key; this node refuses it from now on. Revoking twice is harmless. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return keys.revoke(id);
    }
}
