package org.fieldsafety.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fallback to the operating system's PostgreSQL, which the machines of this project have installed. */
@Tag("flow")
class PostgresServerTest {

    @Test
    void theOsBinariesServeADatabaseThatSurvivesARestart() throws Exception {
        assertTrue(OsPostgres.available(), "this machine kind ships Debian's postgresql package");
        Path dir = Files.createTempDirectory("os-postgres-");
        int port = Ports.free();
        System.setProperty(PostgresServer.BINARIES_PROPERTY, "os");
        try {
            try (PostgresServer server = PostgresServer.start(dir, port, false)) {
                server.ensureDatabase("fallback");
                try (var connection =
                                DriverManager.getConnection(server.jdbcUrl("fallback"), PostgresServer.USER, "x");
                        var statement = connection.createStatement()) {
                    statement.execute("create table kept (id int)");
                }
            }
            try (PostgresServer server = PostgresServer.start(dir, port, false);
                    var connection =
                            DriverManager.getConnection(server.jdbcUrl("fallback"), PostgresServer.USER, "x")) {
                assertTrue(connection
                                .createStatement()
                                .executeQuery("select * from kept")
                                .getMetaData()
                        != null);
            }
        } finally {
            System.clearProperty(PostgresServer.BINARIES_PROPERTY);
        }
    }
}
