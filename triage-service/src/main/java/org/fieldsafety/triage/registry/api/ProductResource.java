package org.fieldsafety.triage.registry.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.triage.classification.ProductEntry;
import org.fieldsafety.triage.registry.ProductRegistry;
import org.fieldsafety.triage.registry.query.ProductView;
import org.jboss.resteasy.reactive.RestHeader;

/** The product registry: software items with IEC 62304 classes and the ISO 14971 hazard catalogue. */
@Path("/api/v1/products/{productId}")
public class ProductResource {

    private final ProductRegistry registry;
    private final SecurityIdentity identity;

    ProductResource(ProductRegistry registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<ProductView> get(@PathParam("productId") String productId) {
        return registry.find(productId).onItem().ifNull().failWith(() -> new NotFound("Product " + productId));
    }

    /**
     * Every change is a new version; the previous versions stay as history. {@code If-Match: "<version>"}
     * makes it conditional (412 when stale); a concurrent change answers 409.
     */
    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.QUALITY_ASSURANCE})
    public Uni<ProductView> put(
            @PathParam("productId") String productId,
            @RestHeader("If-Match") String ifMatch,
            @Valid @NotNull ProductEntry entry) {
        return registry.register(productId, entry, identity.getPrincipal().getName(), ifMatch);
    }
}
