package org.fieldsafety.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.fieldsafety.infra.PostgresServer;

/**
 * A sampling profiler of PostgreSQL: every {@link #INTERVAL_MS} ms it reads which statements the client
 * backends of every database are running ({@code pg_stat_activity}, state active) and counts each statement
 * by its text. The counts show which statements hold the database while it is busy, which its CPU time
 * alone cannot say.
 */
final class PgActivity implements AutoCloseable {

    /**
     * A sample costs PostgreSQL about 1.4 ms of CPU (it reads every one of max_connections' slots): every
     * 20 ms, as the sampler ran ad hoc, that was 7 % of a core and 15 % of PostgreSQL's CPU in a
     * measurement at 300 reports/s; every 100 ms it is about 1.4 %.
     */
    static final long INTERVAL_MS = 100;
    /** Statements are told apart by their first characters: the parameters come after them in this code. */
    private static final int TEXT = 100;

    private static final String ACTIVE = "select datname, query from pg_stat_activity"
            + " where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()";

    private final Connection connection;
    private final Thread sampler;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder samples = new LongAdder();
    private volatile boolean running = true;

    PgActivity(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        sampler = new Thread(this::sample, "bench-pg-activity");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Forgets the counts so far: the next {@link #top} covers what happens from now on. */
    void reset() {
        counts.clear();
        samples.reset();
    }

    /** The {@code limit} statements seen most often since the last reset, with their share of the samples. */
    String top(int limit) {
        long total = Math.max(1, samples.sum());
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> entry) ->
                                entry.getValue().sum())
                        .reversed())
                .limit(limit)
                .map(entry ->
                        String.format("%d of %d samples: %s", entry.getValue().sum(), total, entry.getKey()))
                .collect(Collectors.joining("; "));
    }

    private void sample() {
        try (Statement statement = connection.createStatement()) {
            while (running) {
                try (ResultSet rows = statement.executeQuery(ACTIVE)) {
                    while (rows.next()) {
                        String text = rows.getString(2).replaceAll("\\s+", " ").strip();
                        String key = rows.getString(1) + ": " + text.substring(0, Math.min(TEXT, text.length()));
                        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
                    }
                }
                samples.increment();
                Thread.sleep(INTERVAL_MS);
            }
        } catch (SQLException e) {
            if (running) {
                Bench.log("the PostgreSQL sampler stopped: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        sampler.join();
        connection.close();
    }
}
