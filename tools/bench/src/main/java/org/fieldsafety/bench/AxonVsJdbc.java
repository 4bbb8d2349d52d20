package org.fieldsafety.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.local.ApiClient;

/**
 * Scenario 2: events/s appended by 8 writers into domain_event_entry of db/event-store, with plain JDBC
 * inserts (one row per auto-committed statement) against Axon commands that each create an aggregate
 * with one event (one transaction per command), on the same durable PostgreSQL.
 */
final class AxonVsJdbc {

    static final int WRITERS = 8;
    private static final String TEXT = "x".repeat(200);

    private AxonVsJdbc() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        Duration load = options.smoke() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
        List<Results.Run> runs = new ArrayList<>();
        try (BenchPostgres postgres = new BenchPostgres()) {
            AxonOnJdbc.createEventStore(postgres.server, "bench_jdbc");
            AxonOnJdbc.createEventStore(postgres.server, "bench_axon");
            try (AxonOnJdbc axon = new AxonOnJdbc(postgres.server, "bench_axon", WRITERS + 2)) {
                Configuration configuration =
                        axon.configurer().configureAggregate(BenchItem.class).buildConfiguration();
                configuration.start();
                try {
                    CommandGateway commands = configuration.commandGateway();
                    Appender command = () -> commands.sendAndWait(
                            new BenchItem.Create(UUID.randomUUID().toString(), TEXT));
                    Bench.log("warm-up");
                    perSecond(load.dividedBy(3), () -> jdbcWriter(postgres.server));
                    perSecond(load.dividedBy(3), () -> command);
                    for (int run = 1; run <= options.runs(); run++) {
                        double jdbc = perSecond(load, () -> jdbcWriter(postgres.server));
                        double axonRate = perSecond(load, () -> command);
                        Map<String, Double> figures = new LinkedHashMap<>();
                        figures.put("plain JDBC inserts, events/s", jdbc);
                        figures.put("Axon commands, events/s", axonRate);
                        figures.put("ratio Axon / plain JDBC", axonRate / jdbc);
                        runs.add(Bench.done(run, new Results.Run(figures, List.of())));
                    }
                } finally {
                    configuration.shutdown();
                }
            }
        }
        return runs;
    }

    /** One writer's way to append one event. */
    private interface Appender extends AutoCloseable {
        void append() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Opens one writer's appender. */
    private interface Writer {
        Appender open() throws Exception;
    }

    /** A writer with its own connection that inserts one event row per call, auto-committed. */
    private static Appender jdbcWriter(PostgresServer postgres) throws Exception {
        Connection connection = DriverManager.getConnection(
                postgres.jdbcUrl("bench_jdbc"), PostgresServer.USER, PostgresServer.PASSWORD);
        PreparedStatement insert = connection.prepareStatement(
                "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " values (?, ?, 0, ?, ?, ?, null, ?, ?)");
        return new Appender() {
            @Override
            public void append() throws Exception {
                insertOne(insert);
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    private static void insertOne(PreparedStatement insert) throws Exception {
        String id = UUID.randomUUID().toString();
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, id);
        insert.setString(3, BenchItem.class.getSimpleName());
        insert.setString(4, Instant.now().toString());
        insert.setString(5, BenchItem.Created.class.getName());
        insert.setBytes(6, ApiClient.JSON.writeValueAsBytes(new BenchItem.Created(id, TEXT)));
        insert.setBytes(
                7,
                ApiClient.JSON.writeValueAsBytes(Map.of(
                        "traceId",
                        UUID.randomUUID().toString(),
                        "correlationId",
                        UUID.randomUUID().toString())));
        insert.executeUpdate();
    }

    /** Runs {@link #WRITERS} writers in a loop for {@code duration}; appended events per second. */
    private static double perSecond(Duration duration, Writer writer) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Long>> counts = new ArrayList<>();
            long started = System.nanoTime();
            long end = started + duration.toNanos();
            for (int i = 0; i < WRITERS; i++) {
                counts.add(threads.submit(() -> {
                    try (Appender appender = writer.open()) {
                        long appended = 0;
                        while (System.nanoTime() < end) {
                            appender.append();
                            appended++;
                        }
                        return appended;
                    }
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            threads.shutdown();
        }
    }
}
