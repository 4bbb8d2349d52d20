package org.fieldsafety.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster is as durable as asked, from either binaries, and a durable one keeps every commit through a
 * crash; the fallback to the operating system's PostgreSQL, which the machines of this project have
 * installed, keeps its data across a restart.
 */
@Tag("flow")
class PostgresServerTest {

    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");
    private static final int COMMITS = 500;

    @ParameterizedTest(name = "{0} binaries, durable {1}")
    @CsvSource({"embedded, true", "embedded, false", "os, true", "os, false"})
    void aDurableClusterFlushesEveryCommitAndATestClusterDoesNot(String binaries, boolean durable) throws Exception {
        Path dir = Files.createTempDirectory("postgres-durability-");
        System.setProperty(PostgresServer.BINARIES_PROPERTY, binaries);
        try (PostgresServer server = PostgresServer.start(dir, Ports.free(), durable);
                var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "x");
                var statement = connection.createStatement()) {
            Map<String, String> settings = new TreeMap<>();
            for (String name : DURABILITY) {
                try (var rows = statement.executeQuery("show " + name)) {
                    rows.next();
                    settings.put(name, rows.getString(1));
                }
            }
            String expected = durable ? "on" : "off";
            assertEquals(
                    Map.of("fsync", expected, "synchronous_commit", expected, "full_page_writes", expected), settings);
        } finally {
            System.clearProperty(PostgresServer.BINARIES_PROPERTY);
            Directories.delete(dir);
        }
    }

    /**
     * Many small commits right before the crash: a cluster that acknowledged a commit before flushing it
     * (synchronous commit off) loses the last of them.
     */
    @ParameterizedTest(name = "{0} binaries")
    @ValueSource(strings = {"embedded", "os"})
    void aDurableClusterKeepsEveryCommitThroughACrash(String binaries) throws Exception {
        Path dir = Files.createTempDirectory("postgres-crash-");
        System.setProperty(PostgresServer.BINARIES_PROPERTY, binaries);
        try (PostgresServer server = PostgresServer.start(dir, Ports.free(), true)) {
            try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "x");
                    var statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
                for (int i = 0; i < COMMITS; i++) {
                    statement.execute("insert into kept values (" + i + ")");
                }
            }
            server.crash(() -> {});
            try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "x");
                    var rows = connection.createStatement().executeQuery("select count(*) from kept")) {
                rows.next();
                assertEquals(COMMITS, rows.getInt(1));
            }
        } finally {
            System.clearProperty(PostgresServer.BINARIES_PROPERTY);
            Directories.delete(dir);
        }
    }

    @Test
    void theOsBinariesServeADatabaseThatSurvivesARestart() throws Exception {
        assertTrue(OsPostgres.available(), "this machine kind ships Debian's postgresql package");
        Path dir = Files.createTempDirectory("os-postgres-");
        int port = Ports.free();
        System.setProperty(PostgresServer.BINARIES_PROPERTY, "os");
        try {
            try (PostgresServer server = PostgresServer.start(dir, port, false)) {
                server.ensureDatabase("fallback");
                try (var connection =
                                DriverManager.getConnection(server.jdbcUrl("fallback"), PostgresServer.USER, "x");
                        var statement = connection.createStatement()) {
                    statement.execute("create table kept (id int)");
                }
            }
            try (PostgresServer server = PostgresServer.start(dir, port, false);
                    var connection =
                            DriverManager.getConnection(server.jdbcUrl("fallback"), PostgresServer.USER, "x")) {
                assertTrue(connection
                                .createStatement()
                                .executeQuery("select * from kept")
                                .getMetaData()
                        != null);
            }
        } finally {
            System.clearProperty(PostgresServer.BINARIES_PROPERTY);
            Directories.delete(dir);
        }
    }

    /**
     * A JVM that exits without closing its cluster leaves it running: the cluster is stopped by its owner's
     * close, in the owner's order (the local run stops the services first), never by a hook of its own that
     * would stop it at the same moment as the owner's hook stops the services.
     */
    @Test
    void theClusterOutlivesAnOwnerThatExitsWithoutClosingIt() throws Exception {
        Path dir = Files.createTempDirectory("postgres-owner-");
        int port = Ports.free();
        try {
            Process owner = new ProcessBuilder(
                            Jdks.running(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            ExitWithoutClosing.class.getName(),
                            dir.toString(),
                            String.valueOf(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            long postmaster = Long.parseLong(new String(owner.getInputStream().readAllBytes()).trim());
            assertEquals(0, owner.waitFor());
            try (var connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres", PostgresServer.USER, "x")) {
                assertTrue(connection.isValid(5));
            } finally {
                // a smart shutdown; the server removes its pid file when it has stopped
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
                await().atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(dir.resolve("postmaster.pid")));
            }
        } finally {
            Directories.delete(dir);
        }
    }

    /** Starts a cluster in the given directory and port, prints its server's pid and exits, hooks run. */
    static final class ExitWithoutClosing {

        public static void main(String[] args) {
            PostgresServer server = PostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]), false);
            System.out.println(server.pid());
            System.exit(0);
        }
    }
}
