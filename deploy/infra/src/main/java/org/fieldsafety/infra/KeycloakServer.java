package org.fieldsafety.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak, the staff's identity provider, as a child process: the server distribution that
 * deploy/keycloak unpacks, run by a Java 21+ JDK ({@link Jdks}) with the realm of
 * {@code deploy/keycloak/fieldsafety-realm.json} in an H2 database of its own data directory.
 *
 * <p>Two things are done once and kept under {@code deploy/keycloak/target} for every later start (tests'
 * JVMs and the local run alike): Keycloak's own build of its server image ({@code kc.sh build}, about 45 s),
 * and a database with the realm imported (about 17 s), which each new data directory copies. A server then
 * starts in about 10 s with 300 MB resident. The child halts with the JVM that started it, even when that
 * one is killed.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "fieldsafety";

    /** The master realm's administrator: local run and tests only, like the realm's accounts. */
    public static final String ADMIN_USER = "admin";

    public static final String ADMIN_PASSWORD = "admin-local";

    private static final int JAVA_FEATURE = 21;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Keycloak's build-time options: H2 storage, one node (no cluster discovery), no management port. */
    private static final List<String> BUILD_OPTIONS =
            List.of("--db=dev-file", "--cache=local", "--health-enabled=false", "--metrics-enabled=false");

    /** A small heap and C1 only, as for the services on a local run: a faster start on 2 cores. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dfile.encoding=UTF-8",
            "-Duser.language=en",
            "-Duser.country=US",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                    + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-Dpicocli.disable.closures=true");

    private final Path home;
    private final int port;
    private final Process process;

    private KeycloakServer(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code port} with {@code dataDir} as its home; a new home gets the realm's
     * database, an existing one keeps its own (users, sessions, events). Returns once the realm answers.
     */
    public static KeycloakServer start(Path dataDir, int port) {
        Path home = dataDir.toAbsolutePath();
        Distribution distribution = Distribution.prepared();
        try {
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("providers"));
            Path lib = home.resolve("lib");
            Files.deleteIfExists(lib);
            Files.createSymbolicLink(lib, distribution.home().resolve("lib"));
            Path database = home.resolve("data/h2/keycloakdb.mv.db");
            if (!Files.exists(database)) {
                Files.createDirectories(database.getParent());
                Files.copy(distribution.realmDatabase(), database);
            }
            Path log = home.resolve("keycloak.log");
            List<String> command = new ArrayList<>(List.of(
                    "start",
                    "--optimized",
                    "--cache=local",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--hostname=http://localhost:" + port,
                    // sign-ins and their failures in the log as well as in the realm's event store
                    "--spi-events-listener--jboss-logging--success-level=info"));
            Process process = new ProcessBuilder(boundToThisJvm(java(home, command)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            KeycloakServer server = new KeycloakServer(home, port, process);
            server.awaitRealm(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    /** The base URL, the one name the server knows itself by (the tokens' issuer starts with it). */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer URL: what a service needs to check the realm's tokens. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** The Keycloak JVM's process id (its parent is a small watchdog shell), for measurements. */
    public long pid() {
        return process.toHandle()
                .descendants()
                .filter(child -> child.info().command().orElse("").endsWith("java"))
                .findFirst()
                .orElse(process.toHandle())
                .pid();
    }

    public Path home() {
        return home;
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitRealm(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuerUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.pause();
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT + ": " + tail(log));
    }

    /** The Keycloak JVM's command line for {@code kc.sh ARGS} with {@code home} as its home directory. */
    private static List<String> java(Path home, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Jdks.java(JAVA_FEATURE).toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dkc.home.dir=" + home);
        command.add("-Djboss.server.config.dir=" + home.resolve("conf"));
        command.add("-cp");
        command.add(home.resolve("lib/quarkus-run.jar").toString());
        command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code command} under a shell that stops it when this JVM is gone (even after a kill -9, which no
     * shutdown hook sees) and passes SIGTERM on to it.
     */
    private static List<String> boundToThisJvm(List<String> command) {
        String watchdog = "parent=$1; shift; \"$@\" & child=$!;"
                + " trap 'kill -TERM $child; wait $child; exit' TERM INT;"
                + " while kill -0 $parent 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done;"
                + " kill -TERM $child 2>/dev/null; wait $child";
        List<String> wrapped = new ArrayList<>(List.of(
                "sh",
                "-c",
                watchdog,
                "keycloak",
                Long.toString(ProcessHandle.current().pid())));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * The unpacked distribution under deploy/keycloak/target, built for {@link #BUILD_OPTIONS}, and the
     * database with the realm imported, made once per realm file; a file lock keeps concurrent JVMs from
     * building it twice.
     */
    record Distribution(Path home, Path realmDatabase) {

        static Distribution prepared() {
            Path module = RepositoryLayout.root().resolve("deploy/keycloak");
            Path target = module.resolve("target");
            Path home;
            try (Stream<Path> dirs = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
                home = dirs.filter(dir -> dir.getFileName().toString().matches("keycloak-\\d.*"))
                        .filter(dir -> Files.isRegularFile(dir.resolve("lib/quarkus-run.jar")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "Keycloak's distribution is not unpacked: run ./mvnw -pl deploy/keycloak package"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path realm = module.resolve("fieldsafety-realm.json");
            try (FileChannel lockFile = FileChannel.open(
                            target.resolve("keycloak.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                build(home);
                return new Distribution(home, realmDatabase(home, realm, target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void build(Path home) throws IOException {
            Path marker = home.resolve("lib/quarkus/fieldsafety-build-options");
            String options = String.join(" ", BUILD_OPTIONS);
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return;
            }
            List<String> args = new ArrayList<>(List.of("build"));
            args.addAll(BUILD_OPTIONS);
            run(java(home, args), home.resolve("build.log"), Map.of());
            Files.writeString(marker, options);
        }

        /** The H2 database with the realm imported, made by {@code kc.sh import} once per realm file. */
        private static Path realmDatabase(Path home, Path realm, Path target) throws IOException {
            Path template = target.resolve("realm-" + digest(realm));
            Path database = template.resolve("keycloakdb.mv.db");
            if (Files.exists(database)) {
                return database;
            }
            Path importHome = Files.createTempDirectory(target, "realm-import-");
            Files.createDirectories(importHome.resolve("conf"));
            Files.createDirectories(importHome.resolve("providers"));
            Files.createSymbolicLink(importHome.resolve("lib"), home.resolve("lib"));
            run(
                    java(importHome, List.of("import", "--optimized", "--file", realm.toString())),
                    importHome.resolve("import.log"),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
            Files.createDirectories(template);
            Files.move(importHome.resolve("data/h2/keycloakdb.mv.db"), database, StandardCopyOption.ATOMIC_MOVE);
            return database;
        }

        private static void run(List<String> command, Path log, Map<String, String> environment) throws IOException {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            command.get(command.indexOf("io.quarkus.bootstrap.runner.QuarkusEntryPoint") + 1)
                                    + " of Keycloak failed: " + tail(log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String digest(Path file) throws IOException {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                return HexFormat.of().formatHex(hash, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
