package org.fieldsafety.eventstore.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The audit chain's keys, from the configuration, never from the database: in production {@code
 * AUDIT_CHAIN_KEY} and, after a rotation, the keys before it in {@code AUDIT_CHAIN_PREVIOUS_KEYS}
 * (comma-separated); and how often every chain is verified.
 */
@ConfigMapping(prefix = "fieldsafety.audit-chain")
public interface AuditChainConfig {

    /** The key new links are made with: at least 32 characters. */
    String key();

    /** Keys retired by a rotation: links made with them still verify. */
    Optional<List<String>> previousKeys();

    /** How often {@link AuditChainMonitor} verifies every chain. */
    @WithDefault("1h")
    Duration verifyEvery();
}
