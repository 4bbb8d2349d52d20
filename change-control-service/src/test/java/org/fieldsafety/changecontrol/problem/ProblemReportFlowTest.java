package org.fieldsafety.changecontrol.problem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * From triage's problems on the real broker to problem reports in the read model, through their
 * resolution steps over HTTP, to their reopening when the problem recurs.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
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
        // one partition per product: once a later problem of the product shows, report 2 is among the facts
        ProblemDetected later = problem(problem.productId());
        publish(later.productId(), "problem-" + later.problemId(), ProblemDetected.TYPE, later);
        awaitStatus(later.problemId(), "OPEN");
        await().atMost(PATIENCE).untilAsserted(() -> step("qa", id, "resolution-verification", VERIFICATION)
                .statusCode(200)
                .body("status", equalTo("RESOLUTION_VERIFIED")));
        step("qa", id, "closure", "").statusCode(409).body("detail", containsString("IEC 62304 9.3"));
        step(
                        "ra",
                        id,
                        "parties-advised",
                        """
                {"parties":[{"who":"BfArM","advisedAt":"2026-11-20T10:00:00Z"}]}""")
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
                now);
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
                List.of());
    }
}
