package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.fieldsafety.infra.Ports;
import org.fieldsafety.infra.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade to keyed links on a real PostgreSQL, as fsca's database reaches it: the event store and the
 * unkeyed links of before (V28's {@code audit_chain_unkeyed}). A record whose old chain holds gets keyed
 * links that verify; one changed before the upgrade gets none, so its chain stays broken.
 */
@Tag("flow")
class KeyedAuditChainMigrationTest {

    private static final String UNKEYED =
            """
            create table audit_chain_unkeyed (
                aggregate_id  varchar(255) not null,
                sequence      bigint       not null,
                event_id      varchar(255) not null unique,
                hash          varchar(64)  not null,
                previous_hash varchar(64),
                who           varchar(255) not null,
                at            varchar(255) not null,
                type          varchar(255) not null,
                primary key (aggregate_id, sequence)
            )""";

    private static final String LINKS = "select sequence, event_id, hash, previous_hash, key_id from audit_chain"
            + " where aggregate_id = ? order by sequence";

    @TempDir
    Path dataDir;

    @Test
    void anIntactUnkeyedChainIsKeyedAndAChangedOneStaysBroken() throws Exception {
        AuditKeys keys = AuditKeys.of(Events.KEY, List.of());
        ObjectMapper json = new ObjectMapper();
        try (PostgresServer postgres = PostgresServer.start(dataDir.resolve("postgres"), Ports.free(), false)) {
            postgres.ensureDatabase("audit_upgrade");
            try (Connection connection = DriverManager.getConnection(
                    postgres.jdbcUrl("audit_upgrade"), PostgresServer.USER, PostgresServer.PASSWORD)) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute(resource("db/event-store/V1__axon_event_store.sql"));
                    sql.execute(UNKEYED);
                    sql.execute(resource("db/event-store/V27__audit_chain.sql"));
                }
                List<StoredEvent> intact = events("case-intact");
                List<StoredEvent> changed = events("case-changed");
                linkUnkeyed(connection, intact);
                linkUnkeyed(connection, changed);
                store(connection, intact);
                store(
                        connection,
                        List.of(
                                changed.get(0),
                                withPayload(changed.get(1), "{\"step\":\"changed before the upgrade\"}"),
                                changed.get(2)));

                assertEquals(List.of("case-changed"), KeyedAuditChainMigration.key(connection, keys.current(), json));

                assertTrue(AuditChain.verify(
                                AuditTrail.events(connection, "case-intact", -1),
                                AuditTrail.links(connection, LINKS, "case-intact"),
                                keys)
                        .verified());
                assertEquals(List.of(), AuditTrail.links(connection, LINKS, "case-changed"));
            }
        }
    }

    private static List<StoredEvent> events(String aggregateId) {
        return List.of(0L, 1L, 2L).stream()
                .map(sequence -> new StoredEvent(
                        aggregateId + "-event-" + sequence,
                        aggregateId,
                        sequence,
                        "org.fieldsafety.fsca.cases.FscaCaseEvent$FscaCaseOpened",
                        null,
                        "2026-11-23T10:00:0" + sequence + "Z",
                        ("{\"step\":" + sequence + "}").getBytes(StandardCharsets.UTF_8),
                        "{\"who\":\"ra\"}".getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    private static StoredEvent withPayload(StoredEvent event, String payload) {
        return new StoredEvent(
                event.eventId(),
                event.aggregateId(),
                event.sequence(),
                event.payloadType(),
                event.payloadRevision(),
                event.timestamp(),
                payload.getBytes(StandardCharsets.UTF_8),
                event.metaData());
    }

    /** The links as fsca made them before keys: SHA-256 over the event as stored and the previous link. */
    private static void linkUnkeyed(Connection connection, List<StoredEvent> events) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_chain_unkeyed"
                + " (aggregate_id, sequence, event_id, hash, previous_hash, who, at, type)"
                + " values (?, ?, ?, ?, ?, 'ra', ?, ?)")) {
            String previous = null;
            for (StoredEvent event : events) {
                String hash = AuditHash.unkeyed(event, previous);
                insert.setString(1, event.aggregateId());
                insert.setLong(2, event.sequence());
                insert.setString(3, event.eventId());
                insert.setString(4, hash);
                insert.setString(5, previous);
                insert.setString(6, event.timestamp());
                insert.setString(7, event.type());
                insert.executeUpdate();
                previous = hash;
            }
        }
    }

    private static void store(Connection connection, List<StoredEvent> events) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry"
                + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data) values (?, ?, ?, 'FscaCase', ?, ?, ?, ?, ?)")) {
            for (StoredEvent event : events) {
                insert.setString(1, event.eventId());
                insert.setString(2, event.aggregateId());
                insert.setLong(3, event.sequence());
                insert.setString(4, event.timestamp());
                insert.setString(5, event.payloadType());
                insert.setString(6, event.payloadRevision());
                insert.setBytes(7, event.payload());
                insert.setBytes(8, event.metaData());
                insert.executeUpdate();
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                KeyedAuditChainMigrationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
