package org.fieldsafety.intake.apikey.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.intake.apikey.ApiKey;
import org.fieldsafety.intake.apikey.ApiKeyCache;
import org.fieldsafety.intake.apikey.ApiKeySecret;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;

/**
 * API keys of machine clients. The cache learns of a new or revoked key on this node as soon as the
 * transaction committed; other nodes within their refresh interval.
 */
@Path("/api/v1/api-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeyCache cache;
    private final Clock clock;

    ApiKeyResource(ApiKeyCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@NotNull @Valid CreateApiKeyRequest request) {
        String secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(
                request.client(),
                request.productsOrAll(),
                request.rateLimit(),
                ApiKeySecret.hash(secret),
                clock.instant());
        return Panache.withTransaction(key::persist)
                .invoke(() -> cache.add(key))
                .map(stored -> Response.created(URI.create("/api/v1/api-keys/" + key.id))
                        .entity(new ApiKeyCreated(key.id, secret))
                        .build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @WithSession
    public Uni<List<ApiKeyView>> list() {
        return ApiKey.<ApiKey>listAll()
                .map(keys -> keys.stream().map(ApiKeyView::of).toList());
    }

    /** Revokes the key; this node refuses it from now on. Revoking twice is harmless. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> ApiKey.<ApiKey>findById(id)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new NotFound("API key " + id))
                        .invoke(key -> {
                            if (key.revokedAt == null) {
                                key.revokedAt = clock.instant();
                            }
                        }))
                .invoke(() -> cache.evict(id))
                .replaceWithVoid();
    }
}
