package org.fieldsafety.eventstore.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.fieldsafety.platform.domain.NotFound;

/**
 * The audit trail of each event-sourced aggregate (21 CFR 11.10(e)): the keyed hash chain over its stored
 * events in {@code audit_chain} ({@link AuditChain}). {@link #extend} links an aggregate's newly stored
 * events in the transaction that stored them, so an event is never committed without its link; {@link
 * #audit} shows the history with each link checked against the event store as stored; {@link
 * #brokenChains} checks every aggregate. The event store and the chain refuse updates, deletes and
 * truncation, and the role the services run as cannot lift that ({@code db/event-store} V27).
 */
@ApplicationScoped
public class AuditTrail {

    static final String EVENTS = "select event_identifier, aggregate_identifier, sequence_number, payload_type,"
            + " payload_revision, time_stamp, payload, meta_data from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number";
    static final String INSERT = "insert into audit_chain"
            + " (aggregate_id, sequence, event_id, hash, previous_hash, key_id, who, at, type)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LINKS = "select sequence, event_id, hash, previous_hash, key_id from audit_chain"
            + " where aggregate_id = ? order by sequence";
    // the primary key's index read backwards: extending costs the same however long the trail is
    private static final String LAST_LINK = "select sequence, event_id, hash, previous_hash, key_id"
            + " from audit_chain where aggregate_id = ? order by sequence desc limit 1";
    // the aggregate's type as Axon stores it: its class's simple name
    private static final String AGGREGATE_TYPE =
            "select type from domain_event_entry where aggregate_identifier = ? order by sequence_number limit 1";
    // an aggregate whose events were all removed still has links
    private static final String AGGREGATES = "select aggregate_identifier from domain_event_entry"
            + " union select aggregate_id from audit_chain order by 1";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AuditKeys keys;

    AuditTrail(DataSource dataSource, ObjectMapper json, AuditChainConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.keys = AuditKeys.from(config);
    }

    /**
     * Links the aggregate's events stored since its last link, the first of them number {@code firstStored};
     * runs inside the storing transaction. An aggregate stored from its first event on has no link yet, so
     * its chain is not read: most of fsca's are new (a vigilance report draft per incident and market).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extend(String aggregateId, long firstStored) {
        try (Connection connection = dataSource.getConnection()) {
            List<AuditChain.Link> lastLink = firstStored == 0 ? List.of() : links(connection, LAST_LINK, aggregateId);
            AuditChain.Link last = lastLink.isEmpty() ? null : lastLink.get(0);
            List<StoredEvent> events = events(connection, aggregateId, last == null ? -1 : last.sequence());
            insert(connection, events, AuditChain.extend(events, last, keys.current()), json);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not extend the audit chain of " + aggregateId, e);
        }
    }

    /**
     * The history of the {@code aggregate} (an aggregate class) {@code aggregateId} with each event's
     * recorded link; verified when every entry is intact and no link is left over.
     *
     * @throws NotFound when no aggregate of that type has that id
     */
    public Audit audit(Class<?> aggregate, String aggregateId) {
        try (Connection connection = dataSource.getConnection()) {
            if (!aggregate.getSimpleName().equals(aggregateType(connection, aggregateId))) {
                throw new NotFound(aggregate.getSimpleName() + " " + aggregateId);
            }
            AuditChain.Verification verification =
                    AuditChain.verify(events(connection, aggregateId, -1), links(connection, LINKS, aggregateId), keys);
            List<AuditEntry> entries = verification.events().stream()
                    .map(checked -> entry(checked, json))
                    .toList();
            return new Audit(verification.verified(), entries);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail of " + aggregateId, e);
        }
    }

    /** The aggregates whose chain does not verify, checked one at a time. */
    public List<String> brokenChains() {
        try (Connection connection = dataSource.getConnection()) {
            List<String> aggregates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(AGGREGATES);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    aggregates.add(rows.getString(1));
                }
            }
            List<String> broken = new ArrayList<>();
            for (String aggregateId : aggregates) {
                if (!AuditChain.verify(events(connection, aggregateId, -1), links(connection, LINKS, aggregateId), keys)
                        .verified()) {
                    broken.add(aggregateId);
                }
            }
            return broken;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify the audit chains", e);
        }
    }

    /** An aggregate's history and whether its chain holds. */
    public record Audit(boolean verified, List<AuditEntry> entries) {}

    /**
     * One event of the trail. {@code hash}, {@code previousHash} and {@code keyId} are the recorded link;
     * {@code intact} says whether the event as stored still produces it.
     */
    public record AuditEntry(
            long sequence,
            String type,
            String who,
            String at,
            String hash,
            String previousHash,
            String keyId,
            boolean intact,
            JsonNode payload) {}

    /** Records {@code links} of {@code events}, one each, in one batch. */
    static void insert(Connection connection, List<StoredEvent> events, List<AuditChain.Link> links, ObjectMapper json)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < links.size(); i++) {
                StoredEvent event = events.get(i);
                AuditChain.Link link = links.get(i);
                insert.setString(1, event.aggregateId());
                insert.setLong(2, link.sequence());
                insert.setString(3, link.eventId());
                insert.setString(4, link.hash());
                insert.setString(5, link.previousHash());
                insert.setString(6, link.keyId());
                insert.setString(7, who(event, json));
                insert.setString(8, event.timestamp());
                insert.setString(9, event.type());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<AuditChain.Link> links(Connection connection, String query, String aggregateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, aggregateId);
            List<AuditChain.Link> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new AuditChain.Link(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5)));
                }
            }
            return links;
        }
    }

    static List<StoredEvent> events(Connection connection, String aggregateId, long after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            select.setString(1, aggregateId);
            select.setLong(2, after);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getLong(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getBytes(7),
                            rows.getBytes(8)));
                }
            }
            return events;
        }
    }

    private static String aggregateType(Connection connection, String aggregateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(AGGREGATE_TYPE)) {
            select.setString(1, aggregateId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static AuditEntry entry(AuditChain.Checked checked, ObjectMapper json) {
        StoredEvent event = checked.event();
        AuditChain.Link link = checked.link();
        return new AuditEntry(
                event.sequence(),
                event.type(),
                who(event, json),
                event.timestamp(),
                link == null ? null : link.hash(),
                link == null ? null : link.previousHash(),
                link == null ? null : link.keyId(),
                checked.intact(),
                tree(event.payload(), json));
    }

    /** The user (or {@value AuditedCommands#SYSTEM}) whose command caused the event, from its metadata. */
    static String who(StoredEvent event, ObjectMapper json) {
        JsonNode who =
                event.metaData() == null ? null : tree(event.metaData(), json).get(AuditedCommands.WHO);
        return who == null || who.isNull() ? "unknown" : who.asText();
    }

    /** A stored document as JSON; bytes that are no longer JSON (tampered) show as text. */
    private static JsonNode tree(byte[] bytes, ObjectMapper json) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
