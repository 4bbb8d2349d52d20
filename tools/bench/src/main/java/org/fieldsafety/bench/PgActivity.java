package org.fieldsafety.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.fieldsafety.infra.PostgresServer;

/**
 * A sampling profiler of PostgreSQL: every {@link #INTERVAL_MS} ms it reads which statements the client
 * backends of every database are running ({@code pg_stat_activity}, state active) and counts each statement
 * by its text. The counts show which statements hold the database while it is busy, which its CPU time
 * alone cannot say; but a statement waiting for its commit's flush or for a lock counts as active too. So
 * it also reads how long each statement took to execute ({@code pg_stat_statements}, which the server
 * loads: {@code PostgresServer}): that time is the backend's work, and a {@code COMMIT}'s includes its
 * flush.
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

    private static final String EXECUTED = "select d.datname, s.query, s.calls, s.total_exec_time"
            + " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname <> current_database()";

    private final Connection connection;
    /** Apart from the sampler's: a JDBC connection runs one statement at a time. */
    private final Connection statistics;

    private final Thread sampler;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder samples = new LongAdder();
    private volatile boolean running = true;

    PgActivity(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        statistics = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        try (Statement statement = statistics.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
        sampler = new Thread(this::sample, "bench-pg-activity");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Forgets the counts and times so far: the next {@link #top} and {@link #slowest} cover what comes next. */
    void reset() throws SQLException {
        counts.clear();
        samples.reset();
        try (Statement statement = statistics.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code limit} statements that took the most execution time since the last reset, each with its
     * milliseconds and calls; statements with the same first characters in one database count as one.
     */
    String slowest(int limit) throws SQLException {
        Map<String, double[]> executed = new HashMap<>();
        try (Statement statement = statistics.createStatement();
                ResultSet rows = statement.executeQuery(EXECUTED)) {
            while (rows.next()) {
                double[] sums = executed.computeIfAbsent(key(rows.getString(1), rows.getString(2)), k -> new double[2]);
                sums[0] += rows.getDouble(4);
                sums[1] += rows.getLong(3);
            }
        }
        return executed.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> entry) -> entry.getValue()[0])
                        .reversed())
                .limit(limit)
                .map(entry -> String.format(
                        "%,.0f ms in %,d calls: %s", entry.getValue()[0], (long) entry.getValue()[1], entry.getKey()))
                .collect(Collectors.joining("; "));
    }

    /** A statement as the counts tell it: its database and its first {@link #TEXT} characters. */
    private static String key(String database, String query) {
        String text = query.replaceAll("\\s+", " ").strip();
        return database + ": " + text.substring(0, Math.min(TEXT, text.length()));
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
                        counts.computeIfAbsent(key(rows.getString(1), rows.getString(2)), k -> new LongAdder())
                                .increment();
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
        statistics.close();
    }
}
