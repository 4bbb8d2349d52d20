package org.fieldsafety.intake.apikey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A machine client's API key. Only the SHA-256 hash of the secret is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    public String client;

    @Column(name = "key_hash")
    public String keyHash;

    /** The products this key may report for; empty means every product. */
    public String[] products;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The key's own rate limit; both null for the node's default. */
    @Column(name = "reports_per_second")
    public Double reportsPerSecond;

    public Double burst;

    /** A new key; {@code rateLimit} null means the node's default limit. */
    public static ApiKey issue(String client, Set<String> products, RateLimit rateLimit, String keyHash, Instant now) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.client = client;
        key.keyHash = keyHash;
        key.products = products.stream().sorted().toArray(String[]::new);
        key.createdAt = now;
        if (rateLimit != null) {
            key.reportsPerSecond = rateLimit.reportsPerSecond();
            key.burst = rateLimit.burst();
        }
        return key;
    }

    public ActiveApiKey active() {
        return new ActiveApiKey(id, client, Set.copyOf(List.of(products)), rateLimit());
    }

    /** The key's own rate limit, or null for the node's default. */
    public RateLimit rateLimit() {
        return reportsPerSecond == null ? null : new RateLimit(reportsPerSecond, burst);
    }

    public List<String> productList() {
        return List.of(products);
    }
}
