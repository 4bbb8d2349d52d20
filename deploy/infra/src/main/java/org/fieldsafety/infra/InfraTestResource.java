package org.fieldsafety.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker, a real PostgreSQL database and a real Keycloak (the
 * staff's identity provider, realm {@value KeycloakServer#REALM}). One of each serves the whole test JVM;
 * they start in parallel and stop when it exits. Each service names its database with the {@code database}
 * argument, and runs on it as its runtime role while Flyway migrates as its owner ({@link
 * PostgresServer#ensureDatabase}). The management interface (health, metrics, OpenAPI) gets a free port of
 * its own.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "fieldsafety";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestServers servers = TestServers.get();
        servers.postgres().ensureDatabase(database);
        return Map.of(
                "quarkus.oidc.auth-server-url", servers.keycloak().issuerUrl(),
                "quarkus.management.test-port", Integer.toString(servers.managementPort()),
                "kafka.bootstrap.servers", servers.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", servers.postgres().jdbcUrl(database),
                "quarkus.datasource.reactive.url", servers.postgres().reactiveUrl(database),
                "quarkus.datasource.username", PostgresServer.runtimeUser(database),
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "quarkus.flyway.username", PostgresServer.migrationUser(database),
                "quarkus.flyway.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: TestServers stops them at exit
    }

    /** The servers of one test JVM, started on first use. */
    public record TestServers(KafkaBroker kafka, PostgresServer postgres, KeycloakServer keycloak, int managementPort) {

        private static TestServers instance;

        public static synchronized TestServers get() {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }

        private static TestServers start() {
            try {
                Path dir = Files.createTempDirectory("fieldsafety-test-");
                Instant started = Instant.now();
                CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                        () -> KeycloakServer.start(dir.resolve("keycloak"), Ports.free()));
                CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                        () -> PostgresServer.start(dir.resolve("postgres"), Ports.free(), false));
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
                Duration kafkaStart = Duration.between(started, Instant.now());
                PostgresServer database = postgres.join();
                Duration kafkaAndPostgres = Duration.between(started, Instant.now());
                TestServers servers = new TestServers(kafka, database, keycloak.join(), Ports.free());
                System.out.printf(
                        "[infra] Kafka %.1f s, with PostgreSQL %.1f s, all with Keycloak %.1f s after start%n",
                        kafkaStart.toMillis() / 1000.0,
                        kafkaAndPostgres.toMillis() / 1000.0,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    servers.keycloak().close();
                    kafka.close();
                    servers.postgres().close();
                    Directories.delete(dir);
                }));
                return servers;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
