package org.fieldsafety.changecontrol.problem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * From triage's problems on the real broker to problem reports in the read model, through their
 * resolution steps over HTTP, to their reopening when the problem recurs.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
@Tag("flow")
class ProblemReportFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String INVESTIGATION =
            """
            {"cause":"Overflow","safetyRelevant":true,"safetyRelevance":"Can over-infuse","outcome":"Clamp"}""";
    private static final String VERIFICATION =
            """
            {"resolved":true,"trendReversed":true,"changeImplementedInRightItems":true,"noNewProblems":true}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void aProblemDetectedTwiceOpensOneProblemReportAndOtherTriageEventsOpenNone() throws Exception {
        ProblemDetected problem = problem();
        publish(problem.productId(), "problem-" + problem.problemId(), ProblemDetected.TYPE, problem);
        publish(problem.productId(), "problem-" + problem.problemId(), ProblemDetected.TYPE, problem);
        publish(problem.productId(), "trend-" + problem.problemId(), TrendSignalRaised.TYPE, trend(problem));
        ProblemDetected later = problem();
        publish(later.productId(), "problem-" + later.problemId(), ProblemDetected.TYPE, later);
        awaitStatus(later.problemId(), "OPEN");

        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("problemId", problem.problemId())
                .get("/api/v1/problem-reports")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(ProblemReports.idForProblem(problem.problemId())))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].criticality.level", equalTo("HIGH"))
                .body("[0].softwareItem", equalTo("dose-calculator"))
                .body("[0].version", equalTo(0));
    }

    /**
     * IEC 62304 clause 9 end to end in this service: triage's problem opens the report, a change request
     * raised from it is analysed, approved, implemented, verified and released, the resolution is verified
     * against the field once the fix has been out for the window (PT1S in the test profile), the report
     * closes, and a report of the problem on the fixed version reopens it, while one on the older version
     * does not; the fix then no longer verifies.
     */
    @Test
    void aProblemIsFixedByAReleasedChangeClosedAndReopenedWhenItRecursOnTheFix() throws Exception {
        ProblemDetected problem = problem();
        publish(problem.productId(), "problem-" + problem.problemId(), ProblemDetected.TYPE, problem);
        publish(problem.productId(), "triaged-1", ReportTriaged.TYPE, triaged(problem, 1, "4.2.1"));
        awaitStatus(problem.problemId(), "OPEN");
        String id = ProblemReports.idForProblem(problem.problemId());

        step("eng", id, "change-requests", """
                {"changeRequestIds":["cr-1"]}""")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("IEC 62304 9.2"));
        step("eng", id, "investigation", INVESTIGATION).statusCode(200).body("status", equalTo("INVESTIGATED"));
        // a step decided on the report as it was opened, before the investigation: refused
        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("""
                        {"changeRequestIds":["cr-1"]}""")
                .post("/api/v1/problem-reports/{id}/change-requests", id)
                .then()
                .statusCode(412)
                .body("type", containsString("stale-version"))
                .body("detail", containsString("not 0"));
        String changeRequestId = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow","productId":"%s","softwareItems":["dose-calculator"],
                         "problemReportId":"%s"}"""
                                .formatted(problem.productId(), id))
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        step(
                        "eng",
                        id,
                        "change-requests",
                        """
                {"changeRequestIds":["%s"]}""".formatted(changeRequestId))
                .statusCode(200);
        step("qa", id, "resolution-verification", VERIFICATION)
                .statusCode(409)
                .body("type", containsString("fix-not-released"))
                .body("detail", containsString("IEC 62304 9.7"));

        release(changeRequestId, "4.2.2");
        publish(problem.productId(), "triaged-2", ReportTriaged.TYPE, triaged(problem, 2, "4.2.1"));
        await().atMost(PATIENCE).until(() -> fieldReports(problem).contains(reportId(problem, 2)));
        await().atMost(PATIENCE).untilAsserted(() -> step("qa", id, "resolution-verification", VERIFICATION)
                .statusCode(200)
                .body("status", equalTo("RESOLUTION_VERIFIED")));
        step("qa", id, "closure", "").statusCode(409).body("detail", containsString("IEC 62304 9.3"));
        step(
                        "ra",
                        id,
                        "parties-advised",
                        """
                {"parties":[{"who":"BfArM","advisedAt":"%s"}]}""".formatted(Instant.now()))
                .statusCode(200);
        step("qa", id, "closure", "").statusCode(200).body("status", equalTo("CLOSED"));
        awaitStatus(problem.problemId(), "CLOSED");
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/problem-reports/{id}", id)
                .then()
                .statusCode(200)
                .body("noRecurrence.fixedRelease.version", equalTo("4.2.2"))
                .body("noRecurrence.fixedRelease.changeRequestId", equalTo(changeRequestId))
                .body("noRecurrence.window", equalTo("PT1S"))
                .body("noRecurrence.reportsSinceRelease", equalTo(List.of(reportId(problem, 2))))
                .body("noRecurrence.checkedAt", notNullValue());

        // the older version's report is processed before the fixed one's, and does not reopen
        publish(problem.productId(), "triaged-3", ReportTriaged.TYPE, triaged(problem, 3, "4.2.1"));
        publish(problem.productId(), "triaged-9", ReportTriaged.TYPE, triaged(problem, 9, "4.2.2"));
        awaitStatus(problem.problemId(), "OPEN");
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .get("/api/v1/problem-reports/{id}", id)
                .then()
                .statusCode(200)
                .body("links.changeRequestIds", equalTo(List.of(changeRequestId)))
                .body("links.partiesAdvised.who", equalTo(List.of("BfArM")))
                .body("links.reopenings.reportId", equalTo(List.of(reportId(problem, 9))));

        step("eng", id, "investigation", INVESTIGATION).statusCode(200);
        step(
                        "eng",
                        id,
                        "change-requests",
                        """
                {"changeRequestIds":["%s"]}""".formatted(changeRequestId))
                .statusCode(200);
        step("qa", id, "resolution-verification", VERIFICATION)
                .statusCode(409)
                .body("type", containsString("problem-recurred"))
                .body("detail", containsString("report " + reportId(problem, 9) + " on version 4.2.2"));
    }

    /**
     * What one consumed batch of triage's topic does: its problem opens a report, each of its field reports
     * is stored once however often it came, a closed problem report reopens once, with the batch's first
     * report of it, another event type is skipped whatever its shape, a report of a problem that has no
     * problem report (its ProblemDetected never came) is stored and reopens nothing without holding up the
     * rest, and the one ReportTriaged that cannot be read goes alone to the dead letters. The same batch
     * delivered again changes nothing.
     */
    @Test
    void aBatchIsHandledWholeWithOnlyItsUnreadableEventDeadLetteredAndRedeliveredChangesNothing() throws Exception {
        ProblemDetected closed = problem();
        publish(closed.productId(), "problem-" + closed.problemId(), ProblemDetected.TYPE, closed);
        awaitStatus(closed.problemId(), "OPEN");
        String closedId = ProblemReports.idForProblem(closed.problemId());
        step("eng", closedId, "investigation", INVESTIGATION).statusCode(200);
        step("eng", closedId, "no-action", """
                {"rationale":"Cosmetic"}""")
                .statusCode(200);
        step("qa", closedId, "resolution-verification", VERIFICATION).statusCode(200);
        step(
                        "ra",
                        closedId,
                        "parties-advised",
                        """
                {"parties":[{"who":"BfArM","advisedAt":"%s"}]}""".formatted(Instant.now()))
                .statusCode(200);
        step("qa", closedId, "closure", "").statusCode(200);

        String productId = closed.productId();
        ProblemDetected detected = problem(productId);
        ProblemDetected unannounced = problem(productId);
        ReportTriaged unversioned = triaged(detected, 5, null);
        ReportTriaged unannouncedReport = triaged(unannounced, 6, "4.2.1");
        List<ProducerRecord<String, String>> batch = List.of(
                event(productId, ProblemDetected.TYPE, json.writeValueAsString(detected)),
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(triaged(detected, 1, "4.2.1"))),
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(triaged(closed, 2, "4.2.1"))),
                event(productId, ReportTriaged.TYPE, "{not"),
                event(productId, "org.fieldsafety.SomethingElse.v1", "{not"),
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(triaged(closed, 3, "4.2.2"))),
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(triaged(detected, 1, "4.2.1"))),
                // follow-up information on report 2: the same event, not another field report
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(followUp(closed, 4, 2))),
                // a complaint that named no software version
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(unversioned)),
                event(productId, ReportTriaged.TYPE, json.writeValueAsString(unannouncedReport)));
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.TRIAGE))) {
            TestKafka.publishInOneBatch(bootstrapServers, batch);
            awaitStatus(detected.problemId(), "OPEN");
            awaitStatus(closed.problemId(), "OPEN");
            List<ConsumerRecord<String, String>> dead = awaitDeadLetters(deadLetters, productId);
            assertEquals(1, dead.size());
            assertEquals("{not", dead.get(0).value());
            assertEquals(ReportTriaged.TYPE, TestKafka.header(dead.get(0), "ce_type"));
            assertTrue(
                    TestKafka.header(dead.get(0), "dead-letter-reason")
                            .startsWith("not a " + ReportTriaged.TYPE + " JSON document"),
                    TestKafka.header(dead.get(0), "dead-letter-reason"));
            assertBatchHandledOnce(closed, detected, unannounced);
            assertEquals(stored(unversioned), fieldReport(unversioned.reportId()));
            assertEquals(stored(unannouncedReport), fieldReport(unannouncedReport.reportId()));

            ProblemDetected later = problem(productId);
            List<ProducerRecord<String, String>> redelivered = new ArrayList<>(batch);
            redelivered.add(event(productId, ProblemDetected.TYPE, json.writeValueAsString(later)));
            TestKafka.publishInOneBatch(bootstrapServers, redelivered);
            awaitStatus(later.problemId(), "OPEN");
            assertEquals(1, awaitDeadLetters(deadLetters, productId).size());
            assertBatchHandledOnce(closed, detected, unannounced);
        }
    }

    private void assertBatchHandledOnce(ProblemDetected closed, ProblemDetected detected, ProblemDetected unannounced)
            throws Exception {
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .queryParam("problemId", detected.problemId())
                .get("/api/v1/problem-reports")
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("OPEN")));
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/problem-reports/{id}", ProblemReports.idForProblem(closed.problemId()))
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("links.reopenings.reportId", equalTo(List.of(reportId(closed, 2))));
        assertEquals(List.of(reportId(detected, 1), reportId(detected, 5)), fieldReports(detected));
        assertEquals(List.of(reportId(closed, 2), reportId(closed, 3)), fieldReports(closed));
        assertEquals(List.of(reportId(unannounced, 6)), fieldReports(unannounced));
    }

    /** The ids of the problem's stored field reports. */
    private List<String> fieldReports(ProblemDetected problem) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select report_id from field_report_view where problem_id = ? order by report_id")) {
            select.setString(1, problem.problemId());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** A stored field report's columns. */
    private List<Object> fieldReport(String reportId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select report_id, problem_id, product_id,"
                        + " software_version, aware_at, triaged_at from field_report_view where report_id = ?")) {
            select.setString(1, reportId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), reportId);
                return Arrays.asList(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant(),
                        row.getObject(6, OffsetDateTime.class).toInstant());
            }
        }
    }

    /** The columns a triaged report is stored with, its times to PostgreSQL's microseconds. */
    private static List<Object> stored(ReportTriaged report) {
        return Arrays.asList(
                report.reportId(),
                report.problemId(),
                report.productId(),
                report.softwareVersion(),
                report.awareAt().truncatedTo(ChronoUnit.MICROS),
                report.triagedAt().truncatedTo(ChronoUnit.MICROS));
    }

    /** The product's dead letters since the last call, once there are some. */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(
            KafkaConsumer<String, String> deadLetters, String productId) {
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            TestKafka.poll(deadLetters).stream()
                    .filter(record -> productId.equals(record.key()))
                    .forEach(dead::add);
            return !dead.isEmpty();
        });
        return dead;
    }

    /** A binary-mode CloudEvent on triage's topic. */
    private static ProducerRecord<String, String> event(String key, String type, String value) {
        return TestKafka.cloudEvent(Topics.TRIAGE, key, UUID.randomUUID().toString(), type, value);
    }

    @Test
    void engineeringOpensAProblemReportByHand() {
        String body =
                """
                {"productId":"PUMP","softwareItem":"ui","softwareVersion":"4.2.1","description":"Frozen screen",
                 "criticality":{"level":"MEDIUM","statement":"Delays therapy"}}""";
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/problem-reports")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body("{\"productId\":\"PUMP\"}")
                .post("/api/v1/problem-reports")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("softwareItem", "description", "criticality"));
        String location = given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/problem-reports")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .header("Location");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get(location)
                .then()
                .statusCode(200)
                .body("openedBy", equalTo("eng"))
                .body("criticality.level", equalTo("MEDIUM")));
    }

    static ValidatableResponse step(String user, String id, String step, String body) {
        return given().auth()
                .preemptive()
                .basic(user, user + "-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/problem-reports/{id}/" + step, id)
                .then();
    }

    private void awaitStatus(String problemId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("eng", "eng-local")
                .queryParam("problemId", problemId)
                .get("/api/v1/problem-reports")
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of(status))));
    }

    private void publish(String key, String id, String type, Object payload) throws Exception {
        TestKafka.publishCloudEvent(
                bootstrapServers,
                Topics.TRIAGE,
                key,
                id + "-" + UUID.randomUUID(),
                type,
                json.writeValueAsString(payload));
    }

    private static ProblemDetected problem() {
        return problem("PUMP-" + UUID.randomUUID());
    }

    private static ProblemDetected problem(String productId) {
        String problemId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return new ProblemDetected(
                problemId,
                productId,
                "dose-calculator",
                "E42",
                "4.2.1",
                "C",
                "over-infusion",
                4,
                "UNACCEPTABLE",
                "report-1",
                now,
                now);
    }

    private static TrendSignalRaised trend(ProblemDetected problem) {
        Instant now = Instant.now();
        return new TrendSignalRaised(
                problem.problemId(),
                problem.productId(),
                problem.softwareItem(),
                problem.faultCode(),
                now.minusSeconds(86400),
                now,
                9,
                1.5,
                "poisson",
                now,
                "OWN_BASELINE",
                List.of("FREQUENCY"),
                null,
                null,
                null,
                0.0001,
                "9 reports where 1.5 were expected");
    }

    /** Analysed, approved with a signature, implemented, verified and released as {@code version}. */
    private static void release(String changeRequestId, String version) {
        changeStep(
                        "eng",
                        changeRequestId,
                        "impact-analysis",
                        """
                {"summary":"Clamp the bolus","affectedItems":["dose-calculator"]}""")
                .statusCode(200);
        changeStep(
                        "qa",
                        changeRequestId,
                        "approval",
                        """
                {"signature":{"password":"qa-local","meaning":"APPROVAL"}}""")
                .statusCode(200);
        changeStep(
                        "eng",
                        changeRequestId,
                        "implementation",
                        """
                {"softwareVersion":"%s","commits":["3f2c1a9"]}""".formatted(version))
                .statusCode(200);
        changeStep(
                        "qa",
                        changeRequestId,
                        "verification",
                        """
                        {"regressionTestsRepeated":true,"records":[{"softwareItem":"dose-calculator",
                         "results":"42/42 passed","anomalies":[],"softwareVersion":"%s","configuration":"pump rev C",
                         "tools":["bolus-suite 3.1"],"date":"2026-11-21","tester":"tess"}]}"""
                                .formatted(version))
                .statusCode(200);
        changeStep(
                        "qa",
                        changeRequestId,
                        "release",
                        """
                {"version":"%s","residualAnomalies":[]}""".formatted(version))
                .statusCode(200)
                .body("status", equalTo("RELEASED"));
    }

    private static ValidatableResponse changeStep(String user, String id, String step, String body) {
        return given().auth()
                .preemptive()
                .basic(user, user + "-local")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/change-requests/{id}/" + step, id)
                .then();
    }

    /** The id of the problem's {@code n}th report, unique across the tests that share the database. */
    private static String reportId(ProblemDetected problem, int n) {
        return "report-" + n + "-" + problem.problemId();
    }

    /** The {@code n}th report of the problem, follow-up information on its {@code original}th. */
    private static ReportTriaged followUp(ProblemDetected problem, int n, int original) {
        ReportTriaged t = triaged(problem, n, "4.2.2");
        return new ReportTriaged(
                t.reportId(),
                t.productId(),
                t.problemId(),
                t.softwareItem(),
                t.softwareVersion(),
                t.faultCode(),
                t.country(),
                FieldReportReceived.PatientOutcome.DEATH,
                t.safetyClass(),
                t.hazard(),
                5,
                t.probability(),
                t.riskRegion(),
                true,
                true,
                t.awareAt(),
                t.triagedAt(),
                t.policyVersion(),
                t.reportability(),
                t.receivedAt(),
                reportId(problem, original),
                reportId(problem, original),
                t.missing(),
                new ReportTriaged.Seriousness("OBSERVED", "Observed: the patient died"),
                null,
                List.of());
    }

    private static ReportTriaged triaged(ProblemDetected problem, int n, String softwareVersion) {
        Instant now = Instant.now();
        return new ReportTriaged(
                reportId(problem, n),
                problem.productId(),
                problem.problemId(),
                problem.softwareItem(),
                softwareVersion,
                problem.faultCode(),
                "DE",
                FieldReportReceived.PatientOutcome.NO_HARM,
                "C",
                "over-infusion",
                4,
                3,
                "UNACCEPTABLE",
                false,
                true,
                now,
                now,
                1,
                List.of(),
                now,
                null,
                reportId(problem, n),
                List.of(),
                new ReportTriaged.Seriousness("MIGHT_HAVE_LED", "Might have led to a serious injury"),
                null,
                List.of());
    }
}
