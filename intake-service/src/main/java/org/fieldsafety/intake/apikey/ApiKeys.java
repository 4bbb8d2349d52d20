package org.fieldsafety.intake.apikey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fieldsafety.platform.domain.NotFound;

/**
 * The API keys of machine clients. The cache learns of a new or revoked key on this node as soon as the
 * transaction committed; other nodes when the database announces the change ({@link ApiKeyCache}).
 */
@ApplicationScoped
public class ApiKeys {

    private final ApiKeyCache cache;
    private final Clock clock;

    ApiKeys(ApiKeyCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** A key as issued, with its secret: the only time the secret is known. */
    public record Issued(ApiKey key, String secret) {}

    /** A new key; no products means every product, no rate limit (null) the node's default. */
    public Uni<Issued> issue(String client, Set<String> products, RateLimit rateLimit) {
        String secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(client, products, rateLimit, ApiKeySecret.hash(secret), clock.instant());
        return Panache.withTransaction(key::persist)
                .invoke(() -> cache.add(key))
                .replaceWith(new Issued(key, secret));
    }

    @WithSession
    public Uni<List<ApiKey>> all() {
        return ApiKey.listAll();
    }

    /** Revokes the key; this node refuses it from now on. Revoking twice is harmless. */
    public Uni<Void> revoke(UUID id) {
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
