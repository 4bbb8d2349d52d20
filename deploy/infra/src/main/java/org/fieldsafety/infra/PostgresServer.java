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
import java.util.Map;

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
     * @param durable false for a test cluster: no fsync, since a crash of the test machine loses nothing
     *     of value
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
        try {
            whileDown.run();
        } finally {
            server = launch(dataDir, port, settings);
        }
    }

    private static AutoCloseable launch(Path dataDir, int port, Map<String, String> settings) {
        if ("os".equals(System.getProperty(BINARIES_PROPERTY))) {
            return OsPostgres.start(dataDir, port, settings);
        }
        try {
            return embedded(dataDir, port, settings);
        } catch (IOException | RuntimeException e) {
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
                .setPGStartupWait(Duration.ofSeconds(60));
        settings.forEach(builder::setServerConfig);
        return builder.start();
    }

    private static Map<String, String> settings(boolean durable) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("max_connections", "300");
        settings.put("shared_buffers", "128MB");
        if (!durable) {
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
        }
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

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            boolean exists = statement
                    .executeQuery("select 1 from pg_database where datname = '" + database + "'")
                    .next();
            if (!exists) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
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
