package org.fieldsafety.fsca.cases.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.InfraTestResource.TestServers;
import org.fieldsafety.infra.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An upgraded database keeps its cases' incidents: V5 moves them out of the case JSON into their own rows,
 * in their order, and leaves the case row its count and nearest clock. Runs on a database of its own on the
 * test server, migrated as far as V4 and filled as V4 left it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class FscaCaseIncidentMigrationTest {

    private static final String DATABASE = "fsca_v4_upgrade";

    @Test
    void v5MovesTheIncidentsOfACaseIntoTheirOwnRows() throws SQLException {
        PostgresServer postgres = TestServers.get().postgres();
        postgres.ensureDatabase(DATABASE);
        String url = postgres.jdbcUrl(DATABASE);
        migrate(url, "4");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.executeUpdate(
                    """
                    insert into fsca_case_view values ('case-1', 'problem-1', 'INSULIN-PUMP-X', 'OPEN',
                      '2026-11-20T10:00:00Z', '2026-11-25T10:00:00Z', 3, '{
                      "incidents": [
                        {"reportId": "r-2", "awareAt": "2026-11-20T10:00:00Z", "severity": 5, "probability": 3,
                         "clocks": [{"regime": "EU_MDR", "basis": "Art. 87(5)", "deadline": "2026-11-30T10:00:00Z"}]},
                        {"reportId": "r-1", "awareAt": "2026-11-20T10:00:00Z", "severity": 4, "probability": 2,
                         "clocks": [{"regime": "US_FDA", "basis": "21 CFR 803.50", "deadline": "2026-12-20T10:00:00Z"},
                                    {"regime": "EU_MDR", "basis": "Art. 87(3)", "deadline": "2026-11-25T10:00:00Z"}]},
                        {"reportId": "r-3", "awareAt": "2026-11-21T10:00:00Z", "severity": 2, "probability": 2,
                         "clocks": []}],
                      "notifications": [], "deliveryFailures": []}')""");

            migrate(url, "latest");

            List<String> order = new ArrayList<>();
            List<Instant> deadlines = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery(
                    "select report_id, nearest_deadline, incident ->> 'severity' from fsca_case_incident"
                            + " where case_id = 'case-1' order by attach_sequence")) {
                while (rows.next()) {
                    order.add(rows.getString(1) + ":" + rows.getString(3));
                    OffsetDateTime deadline = rows.getObject(2, OffsetDateTime.class);
                    deadlines.add(deadline == null ? null : deadline.toInstant());
                }
            }
            assertEquals(List.of("r-2:5", "r-1:4", "r-3:2"), order);
            assertEquals(
                    List.of(Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-25T10:00:00Z")),
                    deadlines.subList(0, 2));
            assertNull(deadlines.get(2));

            try (ResultSet row = sql.executeQuery(
                    "select incident_count, nearest_regime, nearest_basis, details -> 'incidents' is null,"
                            + " details -> 'notifications' is not null from fsca_case_view where case_id = 'case-1'")) {
                assertTrue(row.next());
                assertEquals(3, row.getInt(1));
                assertEquals("EU_MDR", row.getString(2));
                assertEquals("Art. 87(3)", row.getString(3));
                assertTrue(row.getBoolean(4));
                assertTrue(row.getBoolean(5));
            }
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure()
                .dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/event-store")
                .target(target)
                .load()
                .migrate();
    }
}
