package org.fieldsafety.intake.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.intake.apikey.RateLimit;
import org.fieldsafety.platform.domain.RateLimited;

/**
 * How many reports one API key may send: a token bucket per key on this node, refilled at the key's own
 * rate or {@code intake.rate-limit.reports-per-second}, up to its burst or {@code intake.rate-limit.burst}
 * (the default burst fits a full batch). Over the rate the client gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class ReportRateLimit {

    private final Clock clock;
    private final RateLimit nodeDefault;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public ReportRateLimit(Clock clock, IntakeConfig config) {
        this(
                clock,
                new RateLimit(
                        config.rateLimit().reportsPerSecond(),
                        config.rateLimit().burst()));
    }

    ReportRateLimit(Clock clock, RateLimit nodeDefault) {
        this.clock = clock;
        this.nodeDefault = nodeDefault;
    }

    /**
     * Takes {@code reports} tokens from the key's bucket, or fails with 429 and takes none. {@code keyLimit}
     * is the key's own limit, null for the node's default; a key's limit never changes.
     */
    public void acquire(UUID keyId, RateLimit keyLimit, int reports) {
        Bucket bucket = buckets.computeIfAbsent(
                keyId, id -> new Bucket(keyLimit == null ? nodeDefault : keyLimit, clock.millis()));
        if (!bucket.tryTake(reports, clock.millis())) {
            throw new RateLimited("This API key sends more reports than it may; retry later");
        }
    }

    private static final class Bucket {

        private final RateLimit limit;
        private double tokens;
        private long refilledAt;

        Bucket(RateLimit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized boolean tryTake(int count, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * limit.reportsPerSecond() / 1000.0);
            refilledAt = now;
            if (tokens < count) {
                return false;
            }
            tokens -= count;
            return true;
        }
    }
}
