package org.fieldsafety.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster listening on 127.0.0.1, from the embedded PostgreSQL 17 binaries (zonky) or,
 * where those cannot run, from the operating system's PostgreSQL ({@link OsPostgres}). The data
 * directory survives a restart. Access is trust-based on loopback, user {@code postgres}: a developer's
 * and a test's database, never production's.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /** {@code -Dfieldsafety.postgres=os} skips the embedded binaries. */
    static final String BINARIES_PROPERTY = "fieldsafety.postgres";

    private final Path dataDir;
    private final int port;
    private final Map<String, String> settings;
    private AutoCloseable server;

    private PostgresServer(Path dataDir, int port, Map<String, String> settings) {
        this.dataDir = dataDir;
        this.port = port;
        this.settings = settings;
        this.server = launch(dataDir, port, settings);
    }

    /**
     * @param durable true for a cluster whose commits must survive a crash of PostgreSQL or of the machine
     *     (fsync, synchronous commit, full-page writes); false for a test cluster, which loses nothing of value
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PostgresServer(dataDir, port, settings(durable));
    }

    /**
     * Stops the cluster in fast mode, which cuts every session off, runs {@code whileDown}, and starts the
     * cluster again on the same data directory and port: a restart or fail-over as the services see it.
     */
    public synchronized void restart(Runnable whileDown) {
        close();
        startAgain(whileDown);
    }

    /**
     * Kills every process of the cluster at once (SIGKILL), as a crash would: no shutdown checkpoint, so what
     * a commit did not flush is gone. Then runs {@code whileDown} and starts the cluster again on the same
     * data directory and port, where it recovers from its write-ahead log.
     */
    public synchronized void crash(Runnable whileDown) {
        ProcessHandle postmaster =
                ProcessHandle.of(pid()).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        List<ProcessHandle> processes =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(process -> process.onExit().join());
        try {
            // releases what the launcher holds (zonky locks the data directory); its stop finds nothing to stop
            server.close();
        } catch (Exception nothingToStop) {
            // expected: the processes are gone
        }
        startAgain(whileDown);
    }

    private void startAgain(Runnable whileDown) {
        try {
            whileDown.run();
        } finally {
            server = launch(dataDir, port, settings);
        }
    }

    /**
     * The server's (postmaster's) process id, the first line of the cluster's {@code postmaster.pid}: the
     * parent of every backend.
     */
    public synchronized long pid() {
        Path cluster = server instanceof OsPostgres os ? os.dataDir() : dataDir;
        try {
            return Long.parseLong(
                    Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AutoCloseable launch(Path dataDir, int port, Map<String, String> settings) {
        if ("os".equals(System.getProperty(BINARIES_PROPERTY))) {
            return OsPostgres.start(dataDir, port, settings);
        }
        try {
            return embedded(dataDir, port, settings);
        } catch (IOException | RuntimeException e) {
            if (Files.exists(dataDir.resolve("PG_VERSION"))) {
                // the OS's binaries would start an empty cluster beside this one's data
                throw new IllegalStateException("The embedded PostgreSQL did not start on its data in " + dataDir, e);
            }
            if (!OsPostgres.available()) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL did not start and no OS PostgreSQL is installed"
                                + " (apt-get install postgresql)",
                        e);
            }
            System.err.println("[postgres] embedded binaries failed (" + e.getMessage() + "); using the OS's");
            return OsPostgres.start(dataDir, port, settings);
        }
    }

    private static EmbeddedPostgres embedded(Path dataDir, int port, Map<String, String> settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the owner stops it (close), after what uses it: a hook of its own would stop it on the JVM's
                // exit at the same moment as the owner's hook stops the services, cutting their sessions off
                .setRegisterShutdownHook(false);
        settings.forEach(builder::setServerConfig);
        return builder.start();
    }

    private static Map<String, String> settings(boolean durable) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("max_connections", "300");
        settings.put("shared_buffers", "128MB");
        // each statement's calls and execution time, which the benchmarks read (tools/bench PgActivity)
        settings.put("shared_preload_libraries", "pg_stat_statements");
        // stated both ways: the embedded binaries' launcher turns fsync and synchronous commit off unless told
        String durability = durable ? "on" : "off";
        settings.put("fsync", durability);
        settings.put("synchronous_commit", durability);
        settings.put("full_page_writes", durability);
        return settings;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The role a service runs as on {@code database}: it reads and writes rows and nothing else, so it cannot
     * disable, drop or replace the audit trail's triggers, nor truncate a table.
     */
    public static String runtimeUser(String database) {
        return database;
    }

    /** The role that owns {@code database} and its schema, as which Flyway migrates it. */
    public static String migrationUser(String database) {
        return database + "_owner";
    }

    /**
     * Creates the database unless it exists, owned by its {@link #migrationUser}, and its {@link #runtimeUser};
     * both log in with {@link #PASSWORD}. The rights of the runtime role on the tables are the migrations'
     * to grant. What a local run of an earlier version created as {@value #USER} passes to the owner.
     */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        String owner = migrationUser(database);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String role : List.of(owner, runtimeUser(database))) {
                if (!statement
                        .executeQuery("select 1 from pg_roles where rolname = '" + role + "'")
                        .next()) {
                    statement.execute("create role " + role + " login password '" + PASSWORD + "'");
                }
            }
            boolean exists = statement
                    .executeQuery("select 1 from pg_database where datname = '" + database + "'")
                    .next();
            if (!exists) {
                statement.execute("create database " + database + " owner " + owner);
            } else {
                statement.execute("alter database " + database + " owner to " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        handOver(database, owner);
    }

    /** Gives the owner the tables, sequences and functions that {@value #USER} created in the database. */
    private void handOver(String database, String owner) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    """
                    do $$
                    declare
                        object record;
                    begin
                        for object in select format('table %%I', tablename) as name from pg_tables
                                      where schemaname = 'public' and tableowner = '%1$s'
                                      union all
                                      select format('function %%s', p.oid::regprocedure) from pg_proc p
                                      join pg_namespace n on n.oid = p.pronamespace
                                      where n.nspname = 'public' and pg_get_userbyid(p.proowner) = '%1$s'
                        loop
                            execute format('alter %%s owner to %2$s', object.name);
                        end loop;
                    end
                    $$"""
                            .formatted(USER, owner));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand database " + database + " to " + owner, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        }
    }
}
