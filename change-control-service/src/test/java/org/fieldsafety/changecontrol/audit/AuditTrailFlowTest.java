package org.fieldsafety.changecontrol.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.eventstore.audit.AuditChainMonitor;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Change control's records have a keyed, tamper-evident audit trail (21 CFR 11.10(e)), which the role the
 * service runs as cannot switch off, and whose break raises the alert.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
@Tag("flow")
class AuditTrailFlowTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.management.test-port")
    int management;

    @Inject
    DataSource runtimeRole;

    @Inject
    AuditChainMonitor monitor;

    @Test
    void aChangedEventShowsInTheTrailOfItsChangeRequestAndRaisesTheAlert() throws Exception {
        String changeRequestId = raise();
        as("eng")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"summary":"Clamp the bolus","affectedItems":["dose-calculator"],"testsToRepeat":["bolus"]}""")
                .post("/api/v1/change-requests/{id}/impact-analysis", changeRequestId)
                .then()
                .statusCode(200);
        String problemReportId = as("eng")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"productId":"PUMP","softwareItem":"dose-calculator","description":"Overflow",
                         "criticality":{"level":"HIGH","statement":"Can over-infuse"}}""")
                .post("/api/v1/problem-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        audit("change-requests", changeRequestId)
                .body("id", equalTo(changeRequestId))
                .body("verified", equalTo(true))
                .body("entries", hasSize(2))
                .body("entries.type", equalTo(List.of("ChangeRequestRaised", "ImpactAnalysed")))
                .body("entries.who", equalTo(List.of("eng", "eng")))
                .body("entries[0].keyId", notNullValue())
                .body(
                        "entries[1].previousHash",
                        equalTo(audit("change-requests", changeRequestId)
                                .extract()
                                .path("entries[0].hash")));
        audit("problem-reports", problemReportId)
                .body("verified", equalTo(true))
                .body("entries.type", equalTo(List.of("ProblemReportOpened")));
        as("auditor")
                .get("/api/v1/change-requests/{id}/audit", problemReportId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("auditor")
                .get("/api/v1/problem-reports/{id}/audit", "no-such-report")
                .then()
                .statusCode(404);
        assertFalse(monitor.verify().contains(changeRequestId));

        try (Connection superuser = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                Statement sql = superuser.createStatement()) {
            sql.execute("set session_replication_role = replica");
            assertEquals(
                    1,
                    sql.executeUpdate("update domain_event_entry set payload = convert_to(replace(convert_from("
                            + "payload, 'UTF8'), 'Clamp the bolus', 'Nothing to do'), 'UTF8') where aggregate_identifier"
                            + " = '" + changeRequestId + "' and sequence_number = 1"));
        }

        audit("change-requests", changeRequestId)
                .body("verified", equalTo(false))
                .body("entries.intact", equalTo(List.of(true, false)));
        audit("problem-reports", problemReportId).body("verified", equalTo(true));
        assertTrue(monitor.verify().contains(changeRequestId));
        given().port(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("audit_chain_broken 1.0"));
    }

    /**
     * The service's role reads and writes rows: the triggers that keep the event store and the chain
     * append-only are the owner's, and truncation is refused to every role.
     */
    @Test
    void theRoleTheServiceRunsAsCannotSwitchOffTheAuditTrail() throws Exception {
        raise();
        try (Connection connection = runtimeRole.getConnection();
                Statement sql = connection.createStatement()) {
            assertEquals("change_control", connection.getMetaData().getUserName());
            for (String tampering : List.of(
                    "update audit_chain set who = 'someone else'",
                    "delete from domain_event_entry",
                    "alter table audit_chain disable trigger audit_chain_append_only",
                    "alter table domain_event_entry disable trigger user",
                    "drop trigger audit_chain_append_only on audit_chain",
                    "create or replace function audit_append_only() returns trigger language plpgsql"
                            + " as $$ begin return old; end $$",
                    "drop function audit_append_only() cascade",
                    "truncate audit_chain",
                    "truncate domain_event_entry",
                    "set session_replication_role = replica",
                    "drop table audit_chain")) {
                assertThrows(SQLException.class, () -> sql.execute(tampering), tampering);
            }
        }
        try (Connection owner = DriverManager.getConnection(
                        jdbcUrl, PostgresServer.migrationUser("change_control"), PostgresServer.PASSWORD);
                Statement sql = owner.createStatement()) {
            assertThrows(SQLException.class, () -> sql.execute("truncate audit_chain"));
            assertThrows(SQLException.class, () -> sql.execute("truncate domain_event_entry"));
        }
    }

    private static String raise() {
        return as("eng")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow in dose calculation","productId":"PUMP",
                         "softwareItems":["dose-calculator"]}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse audit(String records, String id) {
        return as("auditor")
                .get("/api/v1/" + records + "/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("entries.intact", hasItem(true));
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }
}
