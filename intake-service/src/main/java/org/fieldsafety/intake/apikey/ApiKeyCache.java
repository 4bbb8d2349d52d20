package org.fieldsafety.intake.apikey;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.intake.IntakeConfig;
import org.jboss.logging.Logger;

/**
 * The valid API keys by hash, in memory, so authenticating a request never reads the database. This
 * node's own changes apply at once; every change of a key by any node is announced by the database on
 * {@value #CHANNEL} (a trigger on {@code api_key}), and this node, listening, reloads the full set at once,
 * so a key revoked on another node is refused here within a second. After a lost connection the listener
 * reconnects and reloads; every {@code intake.api-keys.refresh} the set is reloaded anyway. The reload is
 * one plain SQL query on the reactive pool, outside any Hibernate session.
 */
@ApplicationScoped
public class ApiKeyCache {

    private static final Logger LOG = Logger.getLogger(ApiKeyCache.class);
    static final String CHANNEL = "api_key_changed";
    private static final long RECONNECT_DELAY_MS = 500;
    private static final String ACTIVE_KEYS =
            "select id, client, key_hash, products, reports_per_second, burst from api_key where revoked_at is null";

    private final Pool pool;
    private final AtomicBoolean reloading = new AtomicBoolean();
    /** A reload asked for while one ran, which may have read the keys before the change it was asked for. */
    private final AtomicBoolean again = new AtomicBoolean();

    private PgSubscriber subscriber;
    private volatile Map<String, ActiveApiKey> byHash = Map.of();
    /** Counts local changes; a reload that started before one of them is stale and dropped. */
    private long changes;

    ApiKeyCache(Pool pool) {
        this.pool = pool;
    }

    void start(
            @Observes StartupEvent started,
            Vertx vertx,
            IntakeConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        reload();
        vertx.setPeriodic(config.apiKeys().refresh().toMillis(), timer -> reload());
        subscriber = PgSubscriber.subscriber(
                        vertx, PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(null)))
                .reconnectPolicy(attempts -> RECONNECT_DELAY_MS);
        // (re)subscribed: what changed while the connection was down is read again
        subscriber.channel(CHANNEL).subscribeHandler(this::reload).handler(id -> reload());
        subscriber
                .connect()
                .subscribe()
                .with(connected -> {}, e -> LOG.warnf("Not listening for API key changes: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopped) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    public Optional<ActiveApiKey> find(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    public synchronized void add(ApiKey key) {
        changes++;
        Map<String, ActiveApiKey> next = new HashMap<>(byHash);
        next.put(key.keyHash, key.active());
        byHash = Map.copyOf(next);
    }

    public synchronized void evict(UUID id) {
        changes++;
        Map<String, ActiveApiKey> next = new HashMap<>(byHash);
        next.values().removeIf(key -> key.id().equals(id));
        byHash = Map.copyOf(next);
    }

    private void reload() {
        if (!reloading.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        long startedAt = changesSoFar();
        pool.query(ACTIVE_KEYS)
                .execute()
                .onTermination()
                .invoke(() -> {
                    reloading.set(false);
                    if (again.getAndSet(false)) {
                        reload();
                    }
                })
                .subscribe()
                .with(
                        rows -> replace(rows, startedAt),
                        e -> LOG.warnf("API keys could not be reloaded, keeping the last set: %s", e.getMessage()));
    }

    private synchronized long changesSoFar() {
        return changes;
    }

    private synchronized void replace(RowSet<Row> rows, long startedAt) {
        if (changes != startedAt) {
            return;
        }
        Map<String, ActiveApiKey> next = new HashMap<>();
        for (Row row : rows) {
            Double reportsPerSecond = row.getDouble("reports_per_second");
            next.put(
                    row.getString("key_hash"),
                    new ActiveApiKey(
                            row.getUUID("id"),
                            row.getString("client"),
                            Set.copyOf(List.of(row.getArrayOfStrings("products"))),
                            reportsPerSecond == null ? null : new RateLimit(reportsPerSecond, row.getDouble("burst"))));
        }
        byHash = Map.copyOf(next);
    }
}
