package org.fieldsafety.changecontrol.problem.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.changecontrol.problem.ProblemReports;
import org.fieldsafety.contracts.FieldLengths;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An event the problem report projection cannot apply is parked, not retried for good: the processor goes
 * on with the later events, the parked ones are counted and listed with their reason, and replayed once
 * the cause is fixed. The cause here is the one seen on a running system: a software version longer than
 * the column (50 characters before V28), put back for this test as a check constraint.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
@Tag("flow")
class ProblemReportProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String GROUP = ProblemReportProjection.PROCESSING_GROUP;
    private static final String AS_NARROW_AS_BEFORE = "software_version_as_narrow_as_before_v28";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.management.test-port")
    int management;

    @Inject
    ObjectMapper json;

    @Test
    void anEventTheViewCannotTakeIsParkedTheOthersFlowOnAndAReplayAfterTheFixAppliesIt() throws Exception {
        String longVersion = "4.2.1-" + "x".repeat(FieldLengths.SOFTWARE_VERSION - 6);
        ProblemDetected tooLong = problem(longVersion);
        ProblemDetected fitting = problem("4.2.1");
        String parkedId = ProblemReports.idForProblem(tooLong.problemId());
        sql("alter table problem_report_view add constraint " + AS_NARROW_AS_BEFORE
                + " check (length(software_version) <= 50)");
        try {
            publish(tooLong);
            publish(fitting);
            await().atMost(PATIENCE).untilAsserted(() -> as("eng")
                    .get("/api/v1/problem-reports/{id}", ProblemReports.idForProblem(fitting.problemId()))
                    .then()
                    .statusCode(200));
            await().atMost(PATIENCE).untilAsserted(() -> as("auditor")
                    .get("/api/v1/dead-letters/{group}", GROUP)
                    .then()
                    .statusCode(200)
                    .body("findAll { it.aggregateId == '" + parkedId + "' }", hasSize(1))
                    .body("find { it.aggregateId == '" + parkedId + "' }.type", equalTo("ProblemReportOpened"))
                    .body("find { it.aggregateId == '" + parkedId + "' }.cause", containsString(AS_NARROW_AS_BEFORE)));
            as("eng").get("/api/v1/problem-reports/{id}", parkedId).then().statusCode(404);

            // a later event of the parked report waits behind it
            as("eng")
                    .contentType(ContentType.JSON)
                    .body(
                            """
                            {"cause":"Overflow","safetyRelevant":true,"safetyRelevance":"Can over-infuse",
                             "outcome":"Clamp"}""")
                    .post("/api/v1/problem-reports/{id}/investigation", parkedId)
                    .then()
                    .statusCode(200);
            await().atMost(PATIENCE).untilAsserted(() -> as("auditor")
                    .get("/api/v1/dead-letters/{group}", GROUP)
                    .then()
                    .statusCode(200)
                    .body(
                            "findAll { it.aggregateId == '" + parkedId + "' }.type",
                            equalTo(java.util.List.of("ProblemReportOpened", "ProblemInvestigated"))));
            given().port(management)
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("fieldsafety_dead_letters{processing_group=\"" + GROUP + "\"} 2.0"));
            as("auditor")
                    .post("/api/v1/dead-letters/{group}/replay", GROUP)
                    .then()
                    .statusCode(403);
        } finally {
            sql("alter table problem_report_view drop constraint if exists " + AS_NARROW_AS_BEFORE);
        }

        as("admin")
                .post("/api/v1/dead-letters/{group}/replay", GROUP)
                .then()
                .statusCode(200)
                .body("processingGroup", equalTo(GROUP))
                .body("parked", equalTo(0));
        as("eng")
                .get("/api/v1/problem-reports/{id}", parkedId)
                .then()
                .statusCode(200)
                .body("softwareVersion", equalTo(longVersion))
                .body("status", equalTo("INVESTIGATED"));
        as("auditor")
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(200)
                .body("find { it.processingGroup == '" + GROUP + "' }.parked", equalTo(0));
        as("admin")
                .post("/api/v1/dead-letters/{group}/replay", "no-such-group")
                .then()
                .statusCode(404);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD)) {
            connection.createStatement().execute(statement);
        }
    }

    private void publish(ProblemDetected problem) throws Exception {
        TestKafka.publishCloudEvent(
                bootstrapServers,
                Topics.TRIAGE,
                problem.problemId(),
                "problem-" + problem.problemId(),
                ProblemDetected.TYPE,
                json.writeValueAsString(problem));
    }

    private static ProblemDetected problem(String softwareVersion) {
        Instant now = Instant.now();
        return new ProblemDetected(
                UUID.randomUUID().toString(),
                "PUMP-" + UUID.randomUUID(),
                "dose-calculator",
                "E42",
                softwareVersion,
                "C",
                "over-infusion",
                4,
                "UNACCEPTABLE",
                "report-1",
                now,
                now);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }
}
