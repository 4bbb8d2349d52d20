package org.fieldsafety.fsca.audit;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The hash-chained audit trail of each case (21 CFR 11.10(e)). {@link #extend} links a case's newly
 * stored events into {@code fsca_audit_chain} in the transaction that stored them, so an event is never
 * committed without its link; {@link #audit} recomputes each link from the event store as stored: an
 * entry is intact when its event still produces its recorded hash and its recorded predecessor is the
 * previous entry's hash, so a changed, removed or inserted event shows exactly where it happened.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String EVENTS = "select event_identifier, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number > ? order by sequence_number";
    private static final String LINKS =
            "select sequence, event_id, hash, previous_hash from fsca_audit_chain where case_id = ? order by sequence";
    // the primary key's index read backwards: extending a case costs the same however long its trail is
    private static final String LAST_LINK = "select sequence, event_id, hash, previous_hash from fsca_audit_chain"
            + " where case_id = ? order by sequence desc limit 1";

    private final DataSource dataSource;
    private final ObjectMapper json;

    AuditTrail(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Links the case's events stored since its last link; runs inside the storing transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extend(String caseId) {
        try (Connection connection = dataSource.getConnection()) {
            List<Link> lastLink = links(connection, LAST_LINK, caseId);
            Link last = lastLink.isEmpty() ? null : lastLink.get(0);
            String previous = last == null ? null : last.hash();
            try (PreparedStatement insert = connection.prepareStatement("insert into fsca_audit_chain"
                    + " (case_id, sequence, event_id, hash, previous_hash, who, at, type)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredEvent event : events(connection, caseId, last == null ? -1 : last.sequence())) {
                    String hash = AuditHash.of(event, previous);
                    insert.setString(1, caseId);
                    insert.setLong(2, event.sequence());
                    insert.setString(3, event.eventId());
                    insert.setString(4, hash);
                    insert.setString(5, previous);
                    insert.setString(6, who(event));
                    insert.setString(7, event.timestamp());
                    insert.setString(8, event.type());
                    insert.addBatch();
                    previous = hash;
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not extend the audit chain of case " + caseId, e);
        }
    }

    /**
     * The case's history with each event's recorded link (no entries when the case has no events);
     * verified when every entry is intact and no link is left over from a removed event.
     */
    public Audit audit(String caseId) {
        try (Connection connection = dataSource.getConnection()) {
            List<Link> recorded = links(connection, LINKS, caseId);
            Map<Long, Link> links = new HashMap<>();
            recorded.forEach(link -> links.put(link.sequence(), link));
            List<AuditEntry> entries = new ArrayList<>();
            String previous = null;
            for (StoredEvent event : events(connection, caseId, -1)) {
                Link link = links.get(event.sequence());
                boolean intact = link != null
                        && link.eventId().equals(event.eventId())
                        && Objects.equals(link.previousHash(), previous)
                        && link.hash().equals(AuditHash.of(event, link.previousHash()));
                entries.add(new AuditEntry(
                        event.sequence(),
                        event.type(),
                        who(event),
                        event.timestamp(),
                        link == null ? null : link.hash(),
                        link == null ? null : link.previousHash(),
                        intact,
                        tree(event.payload())));
                previous = link == null ? null : link.hash();
            }
            boolean verified =
                    recorded.size() == entries.size() && entries.stream().allMatch(AuditEntry::intact);
            return new Audit(verified, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail of case " + caseId, e);
        }
    }

    public record Audit(boolean verified, List<AuditEntry> entries) {}

    /**
     * One event of the trail. {@code hash} and {@code previousHash} are the recorded link; {@code intact}
     * says whether the event as stored still produces it.
     */
    public record AuditEntry(
            long sequence,
            String type,
            String who,
            String at,
            String hash,
            String previousHash,
            boolean intact,
            JsonNode payload) {}

    private record Link(long sequence, String eventId, String hash, String previousHash) {}

    private static List<Link> links(Connection connection, String query, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, caseId);
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return links;
        }
    }

    private static List<StoredEvent> events(Connection connection, String caseId, long after) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            select.setString(1, caseId);
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

    private String who(StoredEvent event) {
        JsonNode who = event.metaData() == null ? null : tree(event.metaData()).get(AuditedCommands.WHO);
        return who == null || who.isNull() ? "unknown" : who.asText();
    }

    /** A stored document as JSON; bytes that are no longer JSON (tampered) show as text. */
    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
