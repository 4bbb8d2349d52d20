package org.fieldsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fieldsafety.infra.Directories;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.Demo;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.PortPlan;
import org.fieldsafety.local.Service;

/**
 * The whole system for one scenario: a fresh {@link LocalSystem} on free ports with its data under
 * tools/bench/target, an API key of intake without a practical rate limit, and {@link #PRODUCTS} registered on
 * triage so that reports are classified against a real hazard catalogue.
 */
final class BenchSystem implements AutoCloseable {

    /** Twenty copies of the demo's insulin pump, registered at the start. */
    static final List<String> PRODUCTS = products("BENCH-PUMP", 20);

    private static final Map<String, String> ADMIN = ApiClient.basic("admin", "admin-local");
    private static final Duration DRAIN_POLL = Duration.ofMillis(250);

    final LocalSystem system;
    /** Intake's key for the load, null when intake does not run. */
    final String apiKey;
    /** How long {@link LocalSystem#start} took, until every service was ready. */
    final Duration startTime;

    private final Path dataDir;

    private BenchSystem(LocalSystem system, Path dataDir, String apiKey, Duration startTime) {
        this.system = system;
        this.dataDir = dataDir;
        this.apiKey = apiKey;
        this.startTime = startTime;
    }

    static BenchSystem start() throws IOException {
        return start(EnumSet.allOf(Service.class));
    }

    /** Kafka, PostgreSQL and {@code services}; the products are registered when triage is one of them. */
    static BenchSystem start(Set<Service> services) throws IOException {
        Path dataDir = Files.createDirectories(Path.of("tools/bench/target"))
                .toAbsolutePath()
                .resolve("system-" + System.currentTimeMillis());
        long starting = System.nanoTime();
        LocalSystem system = new LocalSystem(dataDir, PortPlan.free(services));
        // a benchmark stopped with Ctrl-C or kill leaves no services behind
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        try {
            system.start();
            Duration startTime = Duration.ofNanos(System.nanoTime() - starting);
            if (services.contains(Service.TRIAGE)) {
                register(system, PRODUCTS);
            }
            return new BenchSystem(
                    system, dataDir, services.contains(Service.INTAKE) ? apiKey(system) : null, startTime);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** An API key of intake without a practical rate limit. */
    private static String apiKey(LocalSystem system) {
        ApiClient.Response key = expect(
                2,
                new ApiClient()
                        .send(
                                "POST",
                                system.baseUrl(Service.INTAKE) + "/api/v1/api-keys",
                                ADMIN,
                                Map.of(
                                        "client",
                                        "bench",
                                        "rateLimit",
                                        Map.of("reportsPerSecond", 100_000, "burst", 100_000))));
        return key.json().path("key").asText();
    }

    static List<String> products(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("%s-%02d", prefix, i))
                .toList();
    }

    /** Registers copies of the demo's insulin pump (its hazard catalogue) on triage. */
    void register(List<String> products) {
        register(system, products);
    }

    private static void register(LocalSystem system, List<String> products) {
        ApiClient api = new ApiClient();
        for (String product : products) {
            expect(
                    2,
                    api.send(
                            "PUT",
                            system.baseUrl(Service.TRIAGE) + "/api/v1/products/" + product,
                            ADMIN,
                            Demo.PRODUCT));
        }
    }

    /**
     * Waits until every consumer group has committed every record of the partitions it reads: until the
     * work a measurement left queued is done, so that the next one does not start on it.
     *
     * @return how long that took, or empty when the backlog was still there after {@code max}
     */
    Optional<Duration> awaitDrained(Duration max) throws Exception {
        long start = System.nanoTime();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()))) {
            while (backlog(admin) > 0) {
                if (System.nanoTime() - start > max.toNanos()) {
                    return Optional.empty();
                }
                Thread.sleep(DRAIN_POLL.toMillis());
            }
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Records not yet committed by their consumer groups, all groups and partitions together. */
    private static long backlog(Admin admin) throws Exception {
        long backlog = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest()));
            for (var end : admin.listOffsets(ends).all().get().entrySet()) {
                backlog += end.getValue().offset() - committed.get(end.getKey()).offset();
            }
        }
        return backlog;
    }

    /** Stops the system and deletes its data; the services' logs stay for a look after a failure. */
    @Override
    public void close() throws IOException {
        system.close();
        for (String data : List.of("kafka", "postgres")) {
            Directories.delete(dataDir.resolve(data));
        }
    }

    private static ApiClient.Response expect(int statusClass, ApiClient.Response response) {
        if (response.status() / 100 != statusClass) {
            throw new IllegalStateException(
                    "Setting up the bench system: " + response.status() + " " + response.body());
        }
        return response;
    }
}
