package org.fieldsafety.intake;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * The intake's own settings, under {@code intake.*}. Static-init safe because Bean Validation, built at
 * static init, reads the clock skew.
 */
@StaticInitSafe
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** Where a report's triage result will be readable; the 202's {@code Location} points there. */
    @WithDefault("http://localhost:8082")
    URI triageBaseUrl();

    /** How far in the future {@code occurredAt} may lie, to allow for device clocks that run ahead. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How long a report may wait for Kafka's acknowledgement before the client gets a 503. */
    @WithDefault("PT6S")
    Duration publishTimeout();

    /** The {@code Retry-After} a client gets with a 503 or 429, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();

    ApiKeys apiKeys();

    interface ApiKeys {

        /** How often the API key cache reloads from the database besides the changes announced to it. */
        @WithDefault("30s")
        Duration refresh();
    }

    RateLimit rateLimit();

    interface RateLimit {

        /** Reports per second one API key may send on average. */
        @WithDefault("100")
        double reportsPerSecond();

        /** Reports one API key may send at once; at least a full batch (500). */
        @WithDefault("1000")
        double burst();
    }
}
