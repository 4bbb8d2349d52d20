package org.fieldsafety.intake.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fieldsafety.intake.config.IntakeConfig;
import org.fieldsafety.platform.ProblemException;

/**
 * How many reports one API key may send: a token bucket per key on this node, refilled at
 * {@code intake.rate-limit.reports-per-second} up to {@code intake.rate-limit.burst} (a full batch must
 * fit). Over the rate the client gets 429 with {@code Retry-After}.
 */
@ApplicationScoped
public class ReportRateLimit {

    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public ReportRateLimit(Clock clock, IntakeConfig config) {
        this(clock, config.rateLimit().reportsPerSecond(), config.rateLimit().burst());
    }

    ReportRateLimit(Clock clock, double perSecond, double burst) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes {@code reports} tokens from the key's bucket, or fails with 429 and takes none. */
    public void acquire(UUID keyId, int reports) {
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> new Bucket(burst, clock.millis()));
        if (!bucket.tryTake(reports, clock.millis())) {
            throw new ProblemException(429, "rate-limited", "This API key sends more reports than it may; retry later");
        }
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean tryTake(int count, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1000.0);
            refilledAt = now;
            if (tokens < count) {
                return false;
            }
            tokens -= count;
            return true;
        }
    }
}
