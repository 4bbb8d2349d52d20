package org.fieldsafety.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.fieldsafety.infra.InfraTestResource.TestServers;
import org.fieldsafety.infra.PostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service that start together both run the runtime role's grants (the shared Flyway callback
 * {@code db/runtime-role/afterMigrate.sql}) on one database. PostgreSQL fails the second of two concurrent grants
 * on one object ("tuple concurrently updated"), which stopped an instance of a cluster at its start; the
 * callback makes them take turns.
 */
@Tag("flow")
class RuntimeRoleGrantsTest {

    private static final String DATABASE = "runtime_role_grants";
    private static final String CALLBACK = "db/runtime-role/afterMigrate.sql";

    @Test
    void aSecondInstanceGrantsAfterTheFirstInsteadOfFailing() throws Exception {
        PostgresServer postgres = TestServers.get().postgres();
        postgres.ensureDatabase(DATABASE);
        String url = postgres.jdbcUrl(DATABASE);
        String owner = PostgresServer.migrationUser(DATABASE);
        Flyway flyway = Flyway.configure()
                .dataSource(url, owner, PostgresServer.PASSWORD)
                .locations("classpath:db/migration", "classpath:db/runtime-role")
                .placeholders(Map.of("runtime_role", PostgresServer.runtimeUser(DATABASE)))
                .load();
        flyway.migrate();

        try (Connection first = DriverManager.getConnection(url, owner, PostgresServer.PASSWORD)) {
            first.setAutoCommit(false);
            try (Statement grants = first.createStatement()) {
                grants.execute(callback());
            }
            CompletableFuture<MigrateResult> second = CompletableFuture.supplyAsync(flyway::migrate);
            await("the second instance waiting for the first's grants")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> waitingOnLocks(postgres) > 0);
            first.commit();

            assertTrue(second.join().success);
        }
    }

    /** The callback as Flyway runs it for this database. */
    private static String callback() throws IOException {
        try (InputStream in = RuntimeRoleGrantsTest.class.getClassLoader().getResourceAsStream(CALLBACK)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${runtime_role}", PostgresServer.runtimeUser(DATABASE))
                    .replace("${flyway:table}", "flyway_schema_history");
        }
    }

    private static int waitingOnLocks(PostgresServer postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement waiting = connection.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock'")) {
            waiting.setString(1, DATABASE);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }
}
