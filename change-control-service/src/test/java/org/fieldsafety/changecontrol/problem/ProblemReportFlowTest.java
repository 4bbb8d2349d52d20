package org.fieldsafety.changecontrol.problem;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

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

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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

    @Test
    void aProblemReportIsResolvedClosedAndReopenedWhenTheProblemRecurs() throws Exception {
        ProblemDetected problem = problem();
        publish(problem.productId(), "problem-" + problem.problemId(), ProblemDetected.TYPE, problem);
        awaitStatus(problem.problemId(), "OPEN");
        String id = ProblemReports.idForProblem(problem.problemId());

        step("eng", id, "change-requests", """
                {"changeRequestIds":["cr-1"]}""")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("IEC 62304 9.2"));
        step(
                        "eng",
                        id,
                        "investigation",
                        """
                {"cause":"Overflow","safetyRelevant":true,"safetyRelevance":"Can over-infuse","outcome":"Clamp"}""")
                .statusCode(200)
                .body("status", equalTo("INVESTIGATED"));
        step("eng", id, "change-requests", """
                {"changeRequestIds":["cr-1"]}""")
                .statusCode(200);
        String verification =
                """
                {"resolved":true,"trendReversed":true,"changeImplementedInRightItems":true,"noNewProblems":true,
                 "noRecurrenceSince":"2026-11-01"}""";
        step("qa", id, "resolution-verification", verification).statusCode(200);
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

        publish(
                problem.productId(),
                "triaged-r9",
                ReportTriaged.TYPE,
                triaged(problem, Instant.now().plusSeconds(60)));
        awaitStatus(problem.problemId(), "OPEN");
        given().auth()
                .preemptive()
                .basic("qa", "qa-local")
                .get("/api/v1/problem-reports/{id}", id)
                .then()
                .statusCode(200)
                .body("links.changeRequestIds", equalTo(List.of("cr-1")))
                .body("links.partiesAdvised.who", equalTo(List.of("BfArM")))
                .body("links.reopenings.reportId", equalTo(List.of("report-9")));
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
        String problemId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return new ProblemDetected(
                problemId,
                "PUMP-" + problemId,
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

    private static ReportTriaged triaged(ProblemDetected problem, Instant triagedAt) {
        return new ReportTriaged(
                "report-9",
                problem.productId(),
                problem.problemId(),
                problem.softwareItem(),
                problem.softwareVersion(),
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
                triagedAt,
                triagedAt,
                1,
                List.of());
    }
}
