package org.fieldsafety.eventstore.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jboss.logging.Logger;

/**
 * Version 29 of every service with an event store, once: every event stored before the keyed audit chain
 * existed gets its keyed link (21 CFR 11.10(e)). Where the events were already linked without a key (fsca's
 * links, kept as {@code audit_chain_unkeyed}), each aggregate's old chain is verified first and keyed only
 * when it holds: a chain that does not is left without keyed links, so it stays broken, is logged here and
 * raises the alert of {@link AuditChainMonitor}; re-keying it would have hidden the change. The key comes
 * from the configuration, as the services' own, and never reaches the database. Quarkus runs a Java
 * migration only from a Flyway location, so the services name this package in {@code
 * quarkus.flyway.locations}.
 */
public class KeyedAuditChainMigration implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(KeyedAuditChainMigration.class);
    private static final String UNKEYED_LINKS = "select sequence, event_id, hash, previous_hash, null"
            + " from audit_chain_unkeyed where aggregate_id = ? order by sequence";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("29");
    }

    @Override
    public String getDescription() {
        return "keyed audit chain over the events stored before it";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        AuditKeys keys = AuditKeys.from(
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(AuditChainConfig.class));
        List<String> broken = key(context.getConnection(), keys.current(), new ObjectMapper());
        if (!broken.isEmpty()) {
            LOG.errorf("Left unkeyed, their unkeyed audit chain being broken: %s", broken);
        }
    }

    /** Links every aggregate's events with {@code key}; the aggregates whose unkeyed chain did not hold. */
    static List<String> key(Connection connection, AuditKeys.Key key, ObjectMapper json) throws SQLException {
        boolean unkeyed = exists(connection, "audit_chain_unkeyed");
        List<String> broken = new ArrayList<>();
        for (String aggregateId : aggregates(connection)) {
            List<StoredEvent> events = AuditTrail.events(connection, aggregateId, -1);
            if (unkeyed
                    && !AuditChain.verifyUnkeyed(events, AuditTrail.links(connection, UNKEYED_LINKS, aggregateId))
                            .verified()) {
                broken.add(aggregateId);
            } else {
                AuditTrail.insert(connection, events, AuditChain.extend(events, null, key), json);
            }
        }
        return broken;
    }

    private static List<String> aggregates(Connection connection) throws SQLException {
        List<String> aggregates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select distinct aggregate_identifier from domain_event_entry order by 1");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                aggregates.add(rows.getString(1));
            }
        }
        return aggregates;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select to_regclass(?) is not null")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
