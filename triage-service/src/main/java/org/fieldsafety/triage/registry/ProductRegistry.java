package org.fieldsafety.triage.registry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.triage.OptimisticLocking;
import org.fieldsafety.triage.classification.ProductEntry;
import org.fieldsafety.triage.classification.RegisteredProduct;
import org.fieldsafety.triage.imdrf.ImdrfTerminology;
import org.fieldsafety.triage.registry.query.ProductView;

/**
 * The product registry: versioned entries in PostgreSQL, the current versions cached in memory. A lookup
 * asks the database only for the current version numbers and reloads the entries whose version changed,
 * so every instance sees a change at its next lookup; {@link #current} runs in the caller's session.
 */
@ApplicationScoped
public class ProductRegistry {

    private final Map<String, RegisteredProduct> cache = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ImdrfTerminology imdrf;

    ProductRegistry(Clock clock, ImdrfTerminology imdrf) {
        this.clock = clock;
        this.imdrf = imdrf;
    }

    /** The current entries of the given products; products not registered are absent. */
    public Uni<Map<String, RegisteredProduct>> current(Collection<String> productIds) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select p.productId, max(p.version) from ProductVersionEntity p"
                                        + " where p.productId in ?1 group by p.productId",
                                Object[].class)
                        .setParameter(1, List.copyOf(productIds))
                        .getResultList())
                .chain(heads -> {
                    List<String> stale = heads.stream()
                            .filter(head -> {
                                RegisteredProduct cached = cache.get((String) head[0]);
                                return cached == null || cached.version() != (Integer) head[1];
                            })
                            .map(head -> (String) head[0])
                            .toList();
                    return load(stale).map(loaded -> heads.stream()
                            .map(head -> cache.get((String) head[0]))
                            .collect(Collectors.toMap(RegisteredProduct::productId, Function.identity())));
                });
    }

    private Uni<Void> load(List<String> productIds) {
        if (productIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ProductVersionEntity.<ProductVersionEntity>list(
                        "from ProductVersionEntity p where p.productId in ?1 and p.version ="
                                + " (select max(q.version) from ProductVersionEntity q where q.productId = p.productId)",
                        productIds)
                .invoke(rows -> rows.forEach(this::remember))
                .replaceWithVoid();
    }

    /** The current view of one product, or null when it is not registered. */
    @WithSession
    public Uni<ProductView> find(String productId) {
        return ProductVersionEntity.<ProductVersionEntity>find("productId = ?1 order by version desc", productId)
                .firstResult()
                .map(row -> row == null ? null : view(row));
    }

    /**
     * Stores a new version of a product's entry, its hazards' IMDRF codes given their terms in the current
     * release; refused when an item's version ranges overlap or a code is not in the loaded release, stale when
     * {@code ifMatch} does not name the current version, a concurrent change when another took the version
     * first.
     */
    @WithTransaction
    public Uni<ProductView> register(String productId, ProductEntry entry, String changedBy, String ifMatch) {
        entry.requireDisjointVersionRanges();
        return imdrf.requireKnown(entry.imdrfCodes())
                .map(known -> entry.withImdrfTerms(known.stream()
                        .map(code -> new ImdrfTerm(code.code(), code.term(), code.release()))
                        .toList()))
                .chain(coded -> store(productId, coded, changedBy, ifMatch));
    }

    private Uni<ProductView> store(String productId, ProductEntry entry, String changedBy, String ifMatch) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select max(p.version) from ProductVersionEntity p where p.productId = ?1",
                                Integer.class)
                        .setParameter(1, productId)
                        .getSingleResultOrNull())
                .chain(latest -> {
                    OptimisticLocking.checkIfMatch(ifMatch, latest, "Product " + productId);
                    ProductVersionEntity row = new ProductVersionEntity();
                    row.productId = productId;
                    row.version = latest == null ? 1 : latest + 1;
                    row.entry = entry;
                    row.changedBy = changedBy;
                    row.changedAt = clock.instant();
                    return OptimisticLocking.conflictOnDuplicate(
                            row.<ProductVersionEntity>persistAndFlush(), "Product " + productId);
                })
                .map(this::view);
    }

    private ProductView view(ProductVersionEntity row) {
        return new ProductView(row.productId, row.version, row.changedBy, row.changedAt, row.entry);
    }

    private void remember(ProductVersionEntity row) {
        cache.put(row.productId, new RegisteredProduct(row.productId, row.version, row.entry));
    }
}
