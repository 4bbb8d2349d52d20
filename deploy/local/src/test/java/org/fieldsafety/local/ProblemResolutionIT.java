package org.fieldsafety.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IEC 62304 clause 9 across the running system: a device's telemetry report reaches intake, triage detects
 * the problem, change control opens its problem report, and over change control's API the problem is
 * investigated, fixed by a change that is analysed, approved (signed), implemented, verified and released,
 * its resolution verified against the field, and the report closed. A second report of the same fault on
 * the fixed version then reopens it by itself. Change control runs with a no-recurrence window of
 * {@value #WINDOW}, so the fix has been in the field long enough within the test.
 */
class ProblemResolutionIT {

    private static final String WINDOW = "PT2S";
    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<String, String> ADMIN = ApiClient.basic("admin", "admin-local");
    private static final Map<String, String> RA = ApiClient.basic("ra", "ra-local");
    private static final Map<String, String> QA = ApiClient.basic("qa", "qa-local");
    private static final Map<String, String> ENG = ApiClient.basic("eng", "eng-local");
    /** What the verification of a resolution answers while the fix is not yet visible or not yet out long enough. */
    private static final Set<String> NOT_YET = Set.of("fix-not-released", "recurrence-window-open");

    private static TestSystem running;
    private final ApiClient api = new ApiClient();

    @BeforeAll
    static void startSystem() throws IOException {
        running = TestSystem.start(
                "problem-resolution",
                Map.of(Service.CHANGE_CONTROL, Map.of("change-control.no-recurrence-window", WINDOW)));
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aFaultFixedByAReleasedChangeClosesItsProblemReportAndReopensItWhenItRecursOnTheFix() {
        String intake = running.system().baseUrl(Service.INTAKE);
        String triage = running.system().baseUrl(Service.TRIAGE);
        String problems = running.system().baseUrl(Service.CHANGE_CONTROL) + "/api/v1/problem-reports";
        String changes = running.system().baseUrl(Service.CHANGE_CONTROL) + "/api/v1/change-requests";

        String key = hop(
                        "1 API key",
                        () -> expect(
                                201,
                                api.send("POST", intake + "/api/v1/api-keys", ADMIN, Map.of("client", "resolution"))))
                .path("key")
                .asText();
        FieldReport first = telemetry("4.2.1");
        String firstReportId = hop("2 telemetry report", () -> report(intake, key, first))
                .path("reportId")
                .asText();
        String problemId = hop(
                        "3 triage",
                        () -> awaitJson(triage + "/api/v1/triage/" + firstReportId, RA, json -> json.has("problemId")))
                .path("problemId")
                .asText();
        String id = hop(
                        "4 problem report",
                        () -> awaitJson(
                                problems + "?problemId=" + problemId,
                                ENG,
                                json -> json.size() == 1
                                        && json.get(0).path("status").asText().equals("OPEN")))
                .get(0)
                .path("id")
                .asText();

        hop(
                "5 investigation",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                problems + "/" + id + "/investigation",
                                ENG,
                                Map.of(
                                        "cause", "Integer overflow in the bolus calculation",
                                        "safetyRelevant", true,
                                        "safetyRelevance", "Can over-infuse",
                                        "outcome", "Clamp the bolus"))));
        String changeRequestId = hop(
                        "6 change request",
                        () -> expect(
                                201,
                                api.send(
                                        "POST",
                                        changes,
                                        ENG,
                                        Map.of(
                                                "title",
                                                "Clamp the bolus",
                                                "reason",
                                                "Problem report " + id,
                                                "productId",
                                                first.productId(),
                                                "softwareItems",
                                                List.of(first.softwareItem()),
                                                "problemReportId",
                                                id))))
                .path("id")
                .asText();
        hop(
                "7 linked",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                problems + "/" + id + "/change-requests",
                                ENG,
                                Map.of("changeRequestIds", List.of(changeRequestId)))));

        String change = changes + "/" + changeRequestId;
        hop(
                "8 impact analysis",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                change + "/impact-analysis",
                                ENG,
                                Map.of(
                                        "summary", "Clamp the bolus",
                                        "affectedItems", List.of(first.softwareItem()),
                                        "testsToRepeat", List.of("bolus limits")))));
        hop(
                "9 approval",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                change + "/approval",
                                QA,
                                Map.of("signature", Map.of("password", "qa-local", "meaning", "APPROVAL")))));
        hop(
                "10 implementation",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                change + "/implementation",
                                ENG,
                                Map.of("softwareVersion", "4.2.2", "commits", List.of("3f2c1a9")))));
        hop(
                "11 verification",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                change + "/verification",
                                QA,
                                Map.of(
                                        "regressionTestsRepeated",
                                        true,
                                        "records",
                                        List.of(Map.of(
                                                "softwareItem", first.softwareItem(),
                                                "results", "42/42 passed",
                                                "anomalies", List.of(),
                                                "softwareVersion", "4.2.2",
                                                "configuration", "pump rev C",
                                                "tools", List.of("bolus-suite 3.1"),
                                                "date", "2026-11-21",
                                                "tester", "tess"))))));
        hop(
                "12 release",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                change + "/release",
                                QA,
                                Map.of("version", "4.2.2", "residualAnomalies", List.of()))));

        hop("13 resolution verified", () -> awaitVerification(problems + "/" + id + "/resolution-verification"));
        hop(
                "14 parties advised",
                () -> expect(
                        200,
                        api.send(
                                "POST",
                                problems + "/" + id + "/parties-advised",
                                RA,
                                Map.of(
                                        "parties",
                                        List.of(Map.of(
                                                "who",
                                                "BfArM",
                                                "advisedAt",
                                                Instant.now().toString()))))));
        hop("15 closure", () -> expect(200, api.send("POST", problems + "/" + id + "/closure", QA, null)));
        JsonNode closed = hop(
                "16 closed",
                () -> awaitJson(problems + "/" + id, ENG, json -> json.path("status")
                        .asText()
                        .equals("CLOSED")));
        assertEquals(
                "4.2.2",
                closed.path("noRecurrence").path("fixedRelease").path("version").asText(),
                closed.toString());
        assertEquals(
                changeRequestId,
                closed.path("noRecurrence")
                        .path("fixedRelease")
                        .path("changeRequestId")
                        .asText());
        assertEquals(WINDOW, closed.path("noRecurrence").path("window").asText());

        String recurrenceId = hop("17 the fault on the fixed version", () -> report(intake, key, telemetry("4.2.2")))
                .path("reportId")
                .asText();
        JsonNode reopened = hop(
                "18 reopened",
                () -> awaitJson(problems + "/" + id, ENG, json -> json.path("status")
                        .asText()
                        .equals("OPEN")));
        assertEquals(
                recurrenceId,
                reopened.path("links")
                        .path("reopenings")
                        .path(0)
                        .path("reportId")
                        .asText(),
                reopened.toString());
    }

    /** CONTRACT.md's example telemetry report of the fault, from a device running {@code softwareVersion}. */
    private static FieldReport telemetry(String softwareVersion) {
        FieldReport example = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), PatientOutcome.NO_HARM);
        return new FieldReport(
                example.source(),
                example.productId(),
                example.udiDi(),
                example.deviceSerial(),
                softwareVersion,
                example.softwareItem(),
                example.faultCode(),
                example.occurredAt(),
                example.country(),
                example.patientOutcome(),
                example.description(),
                example.reporter(),
                example.attributes());
    }

    private JsonNode report(String intake, String key, FieldReport report) {
        Map<String, String> client =
                Map.of("X-API-Key", key, "Idempotency-Key", UUID.randomUUID().toString());
        return expect(202, api.send("POST", intake + "/api/v1/field-reports", client, report));
    }

    /**
     * Verifies the resolution as soon as change control accepts it: it refuses while its read model does not
     * show the release yet or the fix has not been out for the window, and any other refusal fails the test.
     */
    private JsonNode awaitVerification(String url) {
        Map<String, Object> verification = Map.of(
                "resolved", true, "trendReversed", true, "changeImplementedInRightItems", true, "noNewProblems", true);
        return await(url)
                .atMost(HOP_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.send("POST", url, QA, verification), response -> {
                    if (response.status() == 200) {
                        return true;
                    }
                    String type = response.json().path("type").asText();
                    if (response.status() == 409 && NOT_YET.stream().anyMatch(type::endsWith)) {
                        return false;
                    }
                    throw new AssertionError("verification refused: " + response.status() + " " + response.body());
                })
                .json();
    }

    /** Polls until the URL answers 200 with JSON that satisfies {@code done}. */
    private JsonNode awaitJson(String url, Map<String, String> who, Predicate<JsonNode> done) {
        return await(url)
                .atMost(HOP_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            ApiClient.Response response = api.get(url, who);
                            return response.status() == 200 ? response.json() : null;
                        },
                        json -> json != null && done.test(json));
    }

    private static JsonNode expect(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), response.body());
        return response.json();
    }

    private static JsonNode hop(String name, Callable<JsonNode> step) {
        Instant started = Instant.now();
        try {
            JsonNode result = step.call();
            LocalSystem.log("problem resolution: hop " + name + " took " + LocalSystem.seconds(started));
            return result;
        } catch (Exception | AssertionError e) {
            throw new AssertionError(
                    "hop " + name + " failed after " + LocalSystem.seconds(started) + "; service logs in "
                            + running.logs(),
                    e);
        }
    }
}
