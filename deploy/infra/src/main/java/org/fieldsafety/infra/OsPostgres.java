package org.fieldsafety.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fallback PostgreSQL: the operating system's binaries ({@code apt-get install postgresql}), a
 * throwaway cluster in the given directory on the given port. initdb and postgres refuse to run as root,
 * so as root they run as user {@code postgres} through {@code setpriv}; the directory must then be
 * reachable by that user (not under /root).
 */
final class OsPostgres implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dataDir;
    private final Process process;

    private OsPostgres(Path bin, Path dataDir, Process process) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.process = process;
    }

    static boolean available() {
        return binaries().isPresent();
    }

    static OsPostgres start(Path dir, int port, Map<String, String> settings) {
        Path bin = binaries()
                .orElseThrow(() -> new IllegalStateException(
                        "No PostgreSQL under " + INSTALLATIONS + ": apt-get install postgresql"));
        Path dataDir = dir.toAbsolutePath().resolve("os-cluster");
        try {
            Files.createDirectories(dataDir);
            ownByPostgres(dir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                run(bin, "initdb", "-D", dataDir.toString(), "-U", PostgresServer.USER, "-A", "trust", "-E", "UTF8");
            }
            List<String> command = new ArrayList<>(
                    List.of("-D", dataDir.toString(), "-p", Integer.toString(port), "-k", dataDir.toString()));
            settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
            Process process = new ProcessBuilder(asPostgres(bin, "postgres", command))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("postgres.log").toFile())
                    .start();
            OsPostgres server = new OsPostgres(bin, dataDir, process);
            server.awaitReady(port, dir.resolve("postgres.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The OS PostgreSQL did not start", e);
        }
    }

    /** The cluster's data directory, under the directory it was started in. */
    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        run(bin, "pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The OS PostgreSQL exited: " + Files.readString(log));
            }
            try (var connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                return;
            } catch (SQLException notYet) {
                Waits.pause();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The OS PostgreSQL did not accept connections within " + START_TIMEOUT);
    }

    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(
                            bin -> bin.getParent().getFileName().toString(), OsPostgres::byVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int byVersion(String a, String b) {
        return a.matches("\\d+") && b.matches("\\d+")
                ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b))
                : a.compareTo(b);
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ownByPostgres(Path dir) throws IOException {
        if (root()) {
            Process chown = new ProcessBuilder("chown", "-R", "postgres:postgres", dir.toString())
                    .inheritIO()
                    .start();
            await(chown, "chown");
        }
    }

    private static List<String> asPostgres(Path bin, String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(args);
        return command;
    }

    private static void run(Path bin, String program, String... args) throws IOException {
        Process process = new ProcessBuilder(asPostgres(bin, program, List.of(args)))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (await(process, program) != 0) {
            throw new IllegalStateException(program + " failed: " + output);
        }
    }

    private static int await(Process process, String what) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
