package org.fieldsafety.systemtests;

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
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.FieldReport;
import org.fieldsafety.local.Service;
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
    private static final Map<String, String> RA = ApiClient.basic("ra", "ra-local");
    private static final Map<String, String> QA = ApiClient.basic("qa", "qa-local");
    private static final Map<String, String> ENG = ApiClient.basic("eng", "eng-local");
    /** What the verification of a resolution answers while the fix is not yet visible or not yet out long enough. */
    private static final Set<String> NOT_YET = Set.of("fix-not-released", "recurrence-window-open");

    private static TestSystem running;
    private final ApiClient api = new ApiClient();
    private final Steps steps = new Steps("problem resolution", HOP_TIMEOUT, () -> running.logs());

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

        String key = steps.hop("1 API key", () -> Steps.apiKey(api, intake, "resolution"));
        FieldReport first = telemetry("4.2.1");
        String firstReportId = steps.hop("2 telemetry report", () -> Steps.fieldReport(api, intake, key, first))
                .path("reportId")
                .asText();
        String problemId = steps.hop(
                        "3 triage",
                        () -> steps.awaitJson(
                                triage + "/api/v1/triage/" + firstReportId, RA, json -> json.has("problemId")))
                .path("problemId")
                .asText();
        String id = steps.hop(
                        "4 problem report",
                        () -> steps.awaitJson(
                                problems + "?problemId=" + problemId,
                                ENG,
                                json -> json.size() == 1
                                        && json.get(0).path("status").asText().equals("OPEN")))
                .get(0)
                .path("id")
                .asText();

        steps.hop(
                "5 investigation",
                () -> Steps.expect(
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
        String changeRequestId = steps.hop(
                        "6 change request",
                        () -> Steps.expect(
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
        steps.hop(
                "7 linked",
                () -> Steps.expect(
                        200,
                        api.send(
                                "POST",
                                problems + "/" + id + "/change-requests",
                                ENG,
                                Map.of("changeRequestIds", List.of(changeRequestId)))));

        String change = changes + "/" + changeRequestId;
        steps.hop(
                "8 impact analysis",
                () -> Steps.expect(
                        200,
                        api.send(
                                "POST",
                                change + "/impact-analysis",
                                ENG,
                                Map.of(
                                        "summary", "Clamp the bolus",
                                        "affectedItems", List.of(first.softwareItem()),
                                        "testsToRepeat", List.of("bolus limits")))));
        steps.hop(
                "9 approval",
                () -> Steps.expect(
                        200,
                        api.send(
                                "POST",
                                change + "/approval",
                                QA,
                                Map.of("signature", Map.of("password", "qa-local", "meaning", "APPROVAL")))));
        steps.hop(
                "10 implementation",
                () -> Steps.expect(
                        200,
                        api.send(
                                "POST",
                                change + "/implementation",
                                ENG,
                                Map.of("softwareVersion", "4.2.2", "commits", List.of("3f2c1a9")))));
        steps.hop(
                "11 verification",
                () -> Steps.expect(
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
        steps.hop(
                "12 release",
                () -> Steps.expect(
                        200,
                        api.send(
                                "POST",
                                change + "/release",
                                QA,
                                Map.of("version", "4.2.2", "residualAnomalies", List.of()))));

        steps.hop("13 resolution verified", () -> awaitVerification(problems + "/" + id + "/resolution-verification"));
        steps.hop(
                "14 parties advised",
                () -> Steps.expect(
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
        steps.hop("15 closure", () -> Steps.expect(200, api.send("POST", problems + "/" + id + "/closure", QA, null)));
        JsonNode closed = steps.hop(
                "16 closed",
                () -> steps.awaitJson(problems + "/" + id, ENG, json -> json.path("status")
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

        String recurrenceId = steps.hop(
                        "17 the fault on the fixed version",
                        () -> Steps.fieldReport(api, intake, key, telemetry("4.2.2")))
                .path("reportId")
                .asText();
        JsonNode reopened = steps.hop(
                "18 reopened",
                () -> steps.awaitJson(problems + "/" + id, ENG, json -> json.path("status")
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

    /** docs/api.md's example telemetry report of the fault, from a device running {@code softwareVersion}. */
    private static FieldReport telemetry(String softwareVersion) {
        return FieldReport.example(
                        Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS),
                        PatientOutcome.NO_HARM)
                .withSoftwareVersion(softwareVersion);
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
}
