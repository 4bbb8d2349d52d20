package org.fieldsafety.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database. One broker and one
 * cluster serve the whole test JVM; they stop when it exits. Each service names its database with the
 * {@code database} argument.
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
                "kafka.bootstrap.servers", servers.kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", servers.postgres().jdbcUrl(database),
                "quarkus.datasource.reactive.url", servers.postgres().reactiveUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM: TestServers stops them at exit
    }

    /** The servers of one test JVM, started on first use. */
    public record TestServers(KafkaBroker kafka, PostgresServer postgres) {

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
                KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
                PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), Ports.free(), false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    kafka.close();
                    postgres.close();
                    delete(dir);
                }));
                return new TestServers(kafka, postgres);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
