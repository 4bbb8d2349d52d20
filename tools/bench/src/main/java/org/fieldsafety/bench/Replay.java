package org.fieldsafety.bench;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.fieldsafety.eventstore.EventStoreConfiguration;
import org.fieldsafety.infra.Waits;
import org.fieldsafety.local.ApiClient;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/**
 * Scenario 4: an event processor with the services' configuration (pooled, {@link
 * EventStoreConfiguration#SEGMENTS} segments, batch size 100, one transaction per
 * batch) rebuilds a read model (one row per item, written as the services' projections write) from events
 * stored beforehand with COPY; events/s from the processor's start until the last batch committed.
 */
final class Replay {

    private static final String PROCESSING_GROUP = "bench-item-view";

    private Replay() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        int events = options.smoke() ? 10_000 : 1_000_000;
        List<Results.Run> runs = new ArrayList<>();
        try (BenchPostgres postgres = new BenchPostgres()) {
            AxonOnJdbc.createEventStore(postgres.server, "bench_replay");
            // a connection for each segment's batch, one for the coordinator's reads and one to spare
            try (AxonOnJdbc axon =
                    new AxonOnJdbc(postgres.server, "bench_replay", EventStoreConfiguration.SEGMENTS + 2)) {
                Instant copying = Instant.now();
                store(axon, events);
                Bench.log("stored " + events + " events in "
                        + Duration.between(copying, Instant.now()).toMillis() + " ms");
                for (int run = 1; run <= options.runs(); run++) {
                    double rate = rebuild(axon, events);
                    Map<String, Double> figures = new LinkedHashMap<>();
                    figures.put("replay into a read model, events/s", rate);
                    runs.add(Bench.done(run, new Results.Run(figures, List.of())));
                }
            }
        }
        return runs;
    }

    /**
     * The read model: one row per item, written as the services' {@code Projections} write theirs. A batch's
     * rows are collected and written when it is about to commit, in its transaction: one query looks up
     * those that exist (a redelivered event writes nothing twice), and the others are inserted in one JDBC
     * batch.
     */
    @ProcessingGroup(PROCESSING_GROUP)
    public static final class ItemProjection {

        private static final String ROWS = ItemProjection.class.getName() + ".rows";

        private final AxonOnJdbc axon;
        private final AtomicLong committed;
        private final AtomicLong lastCommit;

        ItemProjection(AxonOnJdbc axon, AtomicLong committed, AtomicLong lastCommit) {
            this.axon = axon;
            this.committed = committed;
            this.lastCommit = lastCommit;
        }

        @EventHandler
        void on(BenchItem.Created event) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.<Map<String, Integer>>getOrComputeResource(ROWS, key -> {
                        Map<String, Integer> rows = new LinkedHashMap<>();
                        batch.onPrepareCommit(committing -> write(rows));
                        batch.afterCommit(done -> {
                            committed.addAndGet(rows.size());
                            lastCommit.set(System.nanoTime());
                        });
                        return rows;
                    })
                    .put(event.id(), event.text().length());
        }

        private void write(Map<String, Integer> rows) {
            try (Connection connection = axon.getConnection()) {
                Set<String> present = new HashSet<>();
                try (PreparedStatement lookup =
                        connection.prepareStatement("select id from bench_item_view where id = any(?)")) {
                    // planned with its ids each time, as the services' reactive client does: a plan kept from
                    // the table's first, empty moments scans the whole table for every batch
                    lookup.unwrap(PGStatement.class).setPrepareThreshold(0);
                    lookup.setArray(
                            1, connection.createArrayOf("varchar", rows.keySet().toArray()));
                    try (ResultSet found = lookup.executeQuery()) {
                        while (found.next()) {
                            present.add(found.getString(1));
                        }
                    }
                }
                try (PreparedStatement insert =
                        connection.prepareStatement("insert into bench_item_view (id, text_length) values (?, ?)")) {
                    for (Map.Entry<String, Integer> row : rows.entrySet()) {
                        if (!present.contains(row.getKey())) {
                            insert.setString(1, row.getKey());
                            insert.setInt(2, row.getValue());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the read model", e);
            }
        }
    }

    private static double rebuild(AxonOnJdbc axon, int events) throws Exception {
        try (Connection connection = axon.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_item_view");
            statement.execute("create table bench_item_view (id varchar(255) primary key, text_length int not null)");
            statement.execute("delete from token_entry");
        }
        AtomicLong committed = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        Configuration configuration = configure(axon, new ItemProjection(axon, committed, lastCommit));
        long started = System.nanoTime();
        configuration.start();
        try {
            while (committed.get() < events) {
                Waits.pause();
            }
            double rate = events / ((lastCommit.get() - started) / 1e9);
            try (Connection connection = axon.dataSource.getConnection();
                    ResultSet rows =
                            connection.createStatement().executeQuery("select count(*) from bench_item_view")) {
                rows.next();
                if (rows.getLong(1) != events) {
                    throw new IllegalStateException("The read model holds " + rows.getLong(1) + " of " + events);
                }
            }
            return rate;
        } finally {
            configuration.shutdown();
        }
    }

    private static Configuration configure(AxonOnJdbc axon, ItemProjection projection) {
        Configurer configurer = axon.configurer();
        configurer.eventProcessing().registerEventHandler(c -> projection);
        return configurer.buildConfiguration();
    }

    /** Stores {@code events} Created events of as many items with COPY, as Axon would have stored them. */
    private static void store(AxonOnJdbc axon, int events) throws Exception {
        String payloadType = BenchItem.Created.class.getName();
        String timestamp = Instant.now().toString();
        HexFormat hex = HexFormat.of();
        try (Connection connection = axon.dataSource.getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            pg.getCopyAPI()
                    .copyIn(
                            "copy domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                                    + " time_stamp, payload_type, payload, meta_data) from stdin with (format csv)",
                            new Reader() {
                                private int next;
                                private String row = "";
                                private int at;

                                @Override
                                public int read(char[] buffer, int offset, int length) throws IOException {
                                    if (at == row.length()) {
                                        if (next == events) {
                                            return -1;
                                        }
                                        String id = UUID.randomUUID().toString();
                                        byte[] payload = ApiClient.JSON.writeValueAsBytes(
                                                new BenchItem.Created(id, "item " + next));
                                        row = UUID.randomUUID() + "," + id + ",0,BenchItem," + timestamp + ","
                                                + payloadType + ",\\x" + hex.formatHex(payload) + ",\\x"
                                                + hex.formatHex("{}".getBytes()) + "\n";
                                        at = 0;
                                        next++;
                                    }
                                    int count = Math.min(length, row.length() - at);
                                    row.getChars(at, at + count, buffer, offset);
                                    at += count;
                                    return count;
                                }

                                @Override
                                public void close() {}
                            },
                            1 << 16);
        }
    }
}
