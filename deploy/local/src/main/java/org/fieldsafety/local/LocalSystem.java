package org.fieldsafety.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fieldsafety.infra.Jdks;
import org.fieldsafety.infra.KafkaBroker;
import org.fieldsafety.infra.KafkaCluster;
import org.fieldsafety.infra.KeycloakServer;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.RepositoryLayout;
import org.fieldsafety.infra.Waits;

/**
 * The whole system on this machine, for the local run and the end-to-end test: Kafka (one node, or a
 * cluster of three), a durable PostgreSQL cluster with one database per service, Keycloak (the staff's
 * identity provider) and the services as child JVMs in the local profile, one or several instances of each
 * as the {@link PortPlan} says. Everything lives under one data directory; {@link #close()} stops it all in
 * reverse order.
 */
public final class LocalSystem implements AutoCloseable {

    /**
     * The four services boot together and share this bound. About 60 s on a quiet 2-core machine; a loaded one
     * (a build beside it) took 175 s for the first service alone, so the bound leaves room for that.
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /**
     * Every service's heap: fixed at 512 MB, half of it the young generation, and metaspace allowed to 128 MB
     * before its first collection. With the JVM's defaults the serial collector kept a 42 MB young generation
     * in a heap that never grew, promoted what a busy service had in flight, and ran full collections of
     * 0.3-0.5 s every 15-30 s; at start it ran 4-6 full collections for metaspace alone (decision 0032).
     */
    private static final List<String> SERVICE_HEAP =
            List.of("-Xms512m", "-Xmx512m", "-XX:NewRatio=1", "-XX:MetaspaceSize=128m", "-XX:+UseSerialGC");

    /**
     * C1 only: on 2 cores a Quarkus service booted about a third faster with TieredStopAtLevel=1 than with the
     * default tiered compiler, and a local run never needs C2's peak speed.
     */
    private static final List<String> LOCAL_JIT = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Replaces {@link #LOCAL_JIT} when set (options separated by spaces, after {@link #SERVICE_HEAP}, so they
     * win over it): the benchmarks run the services with the full JIT, and a profiling run can add a flight
     * recording.
     */
    private static final String JVM_OPTIONS_VARIABLE = "FIELDSAFETY_SERVICE_JVM_OPTIONS";

    private final Path dataDir;
    private final PortPlan ports;
    private final Map<Service, Map<String, String>> settings;
    private final ApiClient api = new ApiClient();
    private final Map<Service, Process[]> services = new EnumMap<>(Service.class);
    private KafkaCluster kafka;
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private boolean closed;

    public LocalSystem(Path dataDir, PortPlan ports) {
        this(dataDir, ports, Map.of());
    }

    /**
     * A system whose services get {@code settings} as system properties on top of the local profile, e.g.
     * a short {@code change-control.no-recurrence-window} for a test.
     */
    public LocalSystem(Path dataDir, PortPlan ports, Map<Service, Map<String, String>> settings) {
        this.dataDir = dataDir.toAbsolutePath();
        this.ports = ports;
        this.settings = Map.copyOf(settings);
    }

    /** Starts a system and waits until every service is ready; on failure stops what it started. */
    public static LocalSystem start(Path dataDir, PortPlan ports) {
        return start(dataDir, ports, Map.of());
    }

    /** Starts a system whose services get {@code settings} (see the constructor) and waits until it is ready. */
    public static LocalSystem start(Path dataDir, PortPlan ports, Map<Service, Map<String, String>> settings) {
        LocalSystem system = new LocalSystem(dataDir, ports, settings);
        try {
            system.start();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * Starts Kafka, PostgreSQL and Keycloak in parallel, then the services in parallel, and waits until each
     * answers UP on {@code /q/health/ready} of its management interface. May be called once; {@link #close()}
     * from another thread aborts it.
     */
    public void start() {
        start(READY_TIMEOUT);
    }

    /**
     * {@link #start()} with another bound on the services' boot. A service that exits while booting fails the
     * start at once, with the end of its log in the exception's message.
     */
    public void start(Duration readyTimeout) {
        Path root = RepositoryLayout.root();
        List<String> missing = ports.services().keySet().stream()
                .map(service -> service.runnableJar(root))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built: " + missing + "; run ./mvnw install -DskipTests");
        }
        Instant started = Instant.now();
        startInfrastructure();
        log("Kafka on " + kafkaBootstrapServers() + ", PostgreSQL on port " + ports.postgres() + " and Keycloak at "
                + keycloakUrl() + " in " + seconds(started));
        Path logs = createDirectories(dataDir.resolve("logs"));
        ports.services().forEach((service, instances) -> {
            services.put(service, new Process[instances.size()]);
            for (int i = 0; i < instances.size(); i++) {
                startService(root, service, i, logs.resolve(logName(service, i)));
            }
        });
        Instant deadline = Instant.now().plus(readyTimeout);
        ports.services().forEach((service, instances) -> {
            for (int i = 0; i < instances.size(); i++) {
                awaitReady(service, i, logs.resolve(logName(service, i)), deadline, readyTimeout);
                log(name(service, i) + " ready at " + baseUrl(service, i) + " after " + seconds(started));
            }
        });
    }

    /** Every Kafka node's address, comma-separated. */
    public String kafkaBootstrapServers() {
        return KafkaCluster.bootstrapServers(ports.kafka());
    }

    /**
     * The JDBC URL of a database of this system's PostgreSQL: the superuser {@code postgres} reads and changes
     * anything there, each service runs as its database's runtime role ({@link PostgresServer#ensureDatabase}).
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database;
    }

    /** The first instance's base URL. */
    public String baseUrl(Service service) {
        return baseUrl(service, 0);
    }

    /** Instance {@code index} (from 0) of a service. */
    public String baseUrl(Service service, int index) {
        return "http://127.0.0.1:" + instance(service, index).http();
    }

    /** Every instance's base URL, the first first. */
    public List<String> baseUrls(Service service) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < instances(service); i++) {
            urls.add(baseUrl(service, i));
        }
        return urls;
    }

    /** How many instances of {@code service} this system runs. */
    public int instances(Service service) {
        return ports.services().getOrDefault(service, List.of()).size();
    }

    /** The first instance's management interface: health, metrics and the OpenAPI document under /q. */
    public String managementUrl(Service service) {
        return managementUrl(service, 0);
    }

    public String managementUrl(Service service, int index) {
        return "http://127.0.0.1:" + instance(service, index).management();
    }

    private PortPlan.InstancePorts instance(Service service, int index) {
        List<PortPlan.InstancePorts> instances = ports.services().get(service);
        if (instances == null || index >= instances.size()) {
            throw new IllegalArgumentException(name(service, index) + " is not part of this system");
        }
        return instances.get(index);
    }

    /** Keycloak's base URL; the realm is {@value KeycloakServer#REALM}. */
    public String keycloakUrl() {
        return "http://localhost:" + ports.keycloak();
    }

    /** The issuer URL of the staff's tokens. */
    public String issuerUrl() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The process ids of the running system by name, for measurements: "kafka" (or "kafka-2" and on for a
     * cluster's further nodes), "keycloak", "postgres" (the server, parent of its backends) and each
     * service's module (with "-2" for its second instance).
     */
    public synchronized Map<String, Long> pids() {
        requireOpen();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < kafka.size(); i++) {
            pids.put(i == 0 ? "kafka" : "kafka-" + (i + 1), kafka.broker(i).pid());
        }
        pids.put("keycloak", keycloak.pid());
        pids.put("postgres", postgres.pid());
        services.forEach((service, instances) -> {
            for (int i = 0; i < instances.length; i++) {
                pids.put(name(service, i), instances[i].pid());
            }
        });
        return pids;
    }

    /** Kills a service's first instance; see {@link #kill(Service, int)}. */
    public void kill(Service service) {
        kill(service, 0);
    }

    /** Kills an instance as {@code kill -9} does, for fault tests: nothing flushed, no shutdown hook. */
    public void kill(Service service, int index) {
        Process process = process(service, index);
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Starts a killed service's first instance again on its port and database, logging to a new file, and
     * waits until it is ready.
     */
    public void restart(Service service) {
        Path log = dataDir.resolve("logs").resolve(service.module() + "-" + System.currentTimeMillis() + ".log");
        startService(RepositoryLayout.root(), service, 0, log);
        awaitReady(service, 0, log, Instant.now().plus(READY_TIMEOUT), READY_TIMEOUT);
    }

    /** How many Kafka nodes this system runs. */
    public int kafkaNodes() {
        return ports.kafka().size();
    }

    /** Kills Kafka node {@code index} (from 0) as {@code kill -9} does; {@link #restartKafka} brings it back. */
    public synchronized void killKafka(int index) {
        requireOpen();
        KafkaBroker broker = kafka.broker(index);
        ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
        broker.close();
    }

    /** Starts Kafka node {@code index} again on the same ports and storage, after {@link #killKafka}. */
    public synchronized void restartKafka(int index) {
        requireOpen();
        kafka.broker(index).restart();
    }

    /**
     * Stops PostgreSQL in fast mode ({@code pg_ctl -m fast}: sessions cut, open transactions rolled back)
     * and starts it again on the same port and data, for fault tests.
     */
    public synchronized void restartPostgres() {
        requireOpen();
        postgres.restart(() -> {});
    }

    /**
     * Kills PostgreSQL's processes (SIGKILL) and starts it again on the same port and data, for fault tests:
     * it recovers from its write-ahead log, and every commit it acknowledged must be there.
     */
    public synchronized void crashPostgres() {
        requireOpen();
        postgres.crash(() -> {});
    }

    /** Stops the services (SIGTERM, killed after 15 s), then Keycloak, Kafka and PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().stream().flatMap(Stream::of).filter(Objects::nonNull).forEach(Process::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        services.forEach((service, instances) -> {
            for (int i = 0; i < instances.length; i++) {
                if (instances[i] != null) {
                    stop(name(service, i), instances[i], deadline);
                }
            }
        });
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        log("stopped");
    }

    private synchronized void startInfrastructure() {
        requireOpen();
        CompletableFuture<PostgresServer> startingPostgres = CompletableFuture.supplyAsync(
                () -> PostgresServer.start(dataDir.resolve("postgres"), ports.postgres(), true));
        CompletableFuture<KeycloakServer> startingKeycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(dataDir.resolve("keycloak"), ports.keycloak()));
        try {
            kafka = KafkaCluster.start(dataDir.resolve("kafka"), ports.kafka());
        } finally {
            try {
                postgres = join(startingPostgres);
            } finally {
                keycloak = join(startingKeycloak);
            }
        }
        for (Service service : Service.values()) {
            postgres.ensureDatabase(service.database());
        }
    }

    private synchronized void startService(Path root, Service service, int index, Path log) {
        requireOpen();
        List<String> command = new ArrayList<>();
        command.add(Jdks.running());
        command.addAll(serviceJvmOptions());
        command.addAll(List.of(
                "-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + instance(service, index).http(),
                "-Dquarkus.management.port=" + instance(service, index).management(),
                "-Dquarkus.oidc.auth-server-url=" + issuerUrl(),
                "-Dkafka.bootstrap.servers=" + kafkaBootstrapServers(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(service.database()),
                "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(service.database()),
                "-Dquarkus.datasource.username=" + PostgresServer.runtimeUser(service.database()),
                "-Dquarkus.datasource.password=" + PostgresServer.PASSWORD,
                "-Dquarkus.flyway.username=" + PostgresServer.migrationUser(service.database()),
                "-Dquarkus.flyway.password=" + PostgresServer.PASSWORD,
                "-Ddisable-axoniq-console-message=true"));
        // the console calls triage's and change control's APIs as the signed-in user (decision 0023)
        if (service == Service.FSCA && ports.services().containsKey(Service.TRIAGE)) {
            command.add("-Dfieldsafety.triage.url=" + baseUrl(Service.TRIAGE));
        }
        if (service == Service.FSCA && ports.services().containsKey(Service.CHANGE_CONTROL)) {
            command.add("-Dfieldsafety.change-control.url=" + baseUrl(Service.CHANGE_CONTROL));
        }
        settings.getOrDefault(service, Map.of()).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", service.runnableJar(root).toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            services.get(service)[index] = process;
            process.onExit().thenAccept(exited -> reportUnexpectedExit(name(service, index), exited, log));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    private static List<String> serviceJvmOptions() {
        String options = System.getenv(JVM_OPTIONS_VARIABLE);
        List<String> jit = options == null || options.isBlank()
                ? LOCAL_JIT
                : List.of(options.trim().split("\\s+"));
        return Stream.concat(SERVICE_HEAP.stream(), jit.stream()).toList();
    }

    private void awaitReady(Service service, int index, Path log, Instant deadline, Duration timeout) {
        Process process = process(service, index);
        String health = managementUrl(service, index) + "/q/health/ready";
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name(service, index) + " exited with " + process.exitValue()
                        + "; the end of " + log + ":\n" + tail(log));
            }
            if (isUp(health)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name(service, index) + " was not ready within " + timeout.toSeconds()
                        + " s; the end of " + log + ":\n" + tail(log));
            }
            Waits.pause();
        }
    }

    private boolean isUp(String health) {
        try {
            ApiClient.Response response = api.get(health, Map.of());
            return response.status() == 200
                    && "UP".equals(response.json().path("status").asText());
        } catch (UncheckedIOException | IllegalStateException notYet) {
            return false;
        }
    }

    private synchronized Process process(Service service, int index) {
        requireOpen();
        instance(service, index);
        return services.get(service)[index];
    }

    /** An instance's name in logs and {@link #pids()}: the module, with "-2" and on from the second instance. */
    private static String name(Service service, int index) {
        return index == 0 ? service.module() : service.module() + "-" + (index + 1);
    }

    private static String logName(Service service, int index) {
        return name(service, index) + ".log";
    }

    private synchronized void reportUnexpectedExit(String name, Process process, Path log) {
        if (!closed) {
            System.err.println(
                    "[local] " + name + " stopped unexpectedly (exit " + process.exitValue() + "); see " + log);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The local system was stopped while starting");
        }
    }

    private static void stop(String name, Process process, Instant deadline) {
        try {
            long wait = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
                log(name + " did not stop within " + STOP_GRACE.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static <T> T join(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    public static void log(String message) {
        System.out.println("[local] " + message);
    }
}
