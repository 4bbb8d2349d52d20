package org.fieldsafety.fsca.vigilance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Periodic summary reporting (MDR Art. 87(9)) from triage's events on the real broker: two serious injuries
 * of an agreed problem are listed in one summary instead of two reports, their EU clocks due with it; the
 * summary's file and form; its submission meets both clocks; a death of the same problem, and a serious
 * injury that arrives once the summary went, keep their own reports; a rejected summary reopens both clocks
 * and is resubmitted.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class PeriodicSummaryReportFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void agreedIncidentsAreReportedInOneSummaryWhoseSubmissionMeetsTheirClocks() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        Instant aware = Instant.now().minusSeconds(3600);
        String first = "psr-a-" + problemId;
        String second = "psr-b-" + problemId;
        String death = "psr-death-" + problemId;
        String late = "psr-late-" + problemId;

        as("ra").contentType(ContentType.JSON)
                .body(agreement(problemId))
                .post("/api/v1/periodic-summary-agreements")
                .then()
                .statusCode(201);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").queryParam("problemId", problemId)
                .get("/api/v1/periodic-summary-agreements")
                .then()
                .statusCode(200)
                .body("", hasSize(1)));

        // two serious injuries (Art. 87(3)) of the agreed problem: one summary lists both, no report of their own
        TestKafka.publishInOneBatch(
                bootstrapServers,
                List.of(
                        TriageEvents.record(
                                json, TriageEvents.seriousIncident(first, problemId, aware, Duration.ofDays(15))),
                        TriageEvents.record(
                                json, TriageEvents.seriousIncident(second, problemId, aware, Duration.ofDays(15)))));
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .body("findAll { it.kind == 'PERIODIC_SUMMARY' }", hasSize(1))
                .body("findAll { it.regime == 'US_FDA' }.incidentReportId", containsInAnyOrder(first, second)));
        JsonPath reports = as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .extract()
                .jsonPath();
        String summary = reports.getString("find { it.kind == 'PERIODIC_SUMMARY' }.id");
        String dueAt = reports.getString("find { it.kind == 'PERIODIC_SUMMARY' }.dueAt");
        assertEquals("Art. 87(9)", reports.getString("find { it.kind == 'PERIODIC_SUMMARY' }.basis"));
        assertEquals("EU_MDR", reports.getString("find { it.kind == 'PERIODIC_SUMMARY' }.regime"));
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", summary)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("document.periodicSummary.incidents.manufacturerReference", containsInAnyOrder(first, second))
                .body("document.periodicSummary.periodNumber", equalTo(1))
                .body("document.periodicSummary.deviceProblems[0].code", equalTo("A110202")));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath fscaCase = as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String covered : List.of(first, second)) {
                String clock =
                        "incidents.find { it.reportId == '" + covered + "' }.clocks.find { it.regime == 'EU_MDR' }";
                assertEquals("Art. 87(9)", fscaCase.getString(clock + ".basis"));
                assertEquals(dueAt, fscaCase.getString(clock + ".deadline"));
                assertEquals("OPEN", fscaCase.getString(clock + ".state"));
            }
        });
        as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .body("findAll { it.regime == 'EU_MDR' && it.kind == 'INITIAL' }", empty());

        // the summary's file, valid against its schema, and its form
        String xml = as("ra").accept("application/xml")
                .get("/api/v1/vigilance-reports/{id}", summary)
                .then()
                .statusCode(200)
                .contentType("application/xml")
                .extract()
                .asString();
        assertTrue(xml.contains("<manufacturerReference>" + first + "</manufacturerReference>"), xml);
        assertTrue(xml.contains("<incidentCount>2</incidentCount>"), xml);
        byte[] pdf = as("auditor")
                .accept("application/pdf")
                .get("/api/v1/vigilance-reports/{id}", summary)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        // its submission discharges both incidents' clocks
        as("ra").contentType(ContentType.JSON)
                .body(
                        """
                        {"reference":"PSR-R-1","signature":{"password":"ra-local","meaning":"APPROVAL"}}""")
                .post("/api/v1/vigilance-reports/{id}/submission", summary)
                .then()
                .statusCode(200)
                .body("late", equalTo(false));
        assertClocks(caseId, List.of(first, second), "SUBMITTED", "PSR-R-1");

        // a death of the same problem is never covered (Art. 87(5)), and a serious injury of the period that
        // arrives once its summary went is not either: each gets its own initial report
        TestKafka.publishInOneBatch(
                bootstrapServers,
                List.of(
                        TriageEvents.record(
                                json,
                                TriageEvents.death(
                                        death,
                                        problemId,
                                        "DE",
                                        aware,
                                        List.of(new ReportTriaged.Reportability(
                                                "EU_MDR", "Art. 87(5)", aware.plus(Duration.ofDays(10)))))),
                        TriageEvents.record(
                                json, TriageEvents.seriousIncident(late, problemId, aware, Duration.ofDays(15)))));
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").queryParam("caseId", caseId)
                .get("/api/v1/vigilance-reports")
                .then()
                .statusCode(200)
                .body(
                        "findAll { it.regime == 'EU_MDR' && it.kind == 'INITIAL' }.incidentReportId",
                        containsInAnyOrder(death, late))
                .body("findAll { it.kind == 'PERIODIC_SUMMARY' }", hasSize(1)));
        // the case's view is another processor's than the reports': it may see the late incident later
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .body(
                        "incidents.find { it.reportId == '" + late + "' }.clocks.find { it.regime == 'EU_MDR' }.basis",
                        equalTo("Art. 87(3)")));
        as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", summary)
                .then()
                .body("document.periodicSummary.incidents", hasSize(2));

        // the authority rejects the summary: both clocks run again, the summary is drafted again and resubmitted
        as("ra").contentType(ContentType.JSON)
                .body("{\"accepted\":false,\"reason\":\"the period's count is missing\"}")
                .post("/api/v1/vigilance-reports/{id}/acknowledgement", summary)
                .then()
                .statusCode(204);
        await().atMost(PATIENCE).untilAsserted(() -> as("ra").accept(ContentType.JSON)
                .get("/api/v1/vigilance-reports/{id}", summary)
                .then()
                .body("status", equalTo("DRAFT"))
                .body("answer.reason", equalTo("the period's count is missing")));
        assertClocks(caseId, List.of(first, second), "OPEN", null);
        as("ra").contentType(ContentType.JSON)
                .body(
                        """
                        {"reference":"PSR-R-2","signature":{"password":"ra-local","meaning":"APPROVAL"}}""")
                .post("/api/v1/vigilance-reports/{id}/submission", summary)
                .then()
                .statusCode(200);
        assertClocks(caseId, List.of(first, second), "SUBMITTED", "PSR-R-2");
    }

    /** Awaits the EU MDR clock of each of {@code incidents} in {@code state}, submitted as {@code reference}. */
    private static void assertClocks(String caseId, List<String> incidents, String state, String reference) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath fscaCase = as("ra").get("/api/v1/fsca-cases/{id}", caseId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            for (String covered : incidents) {
                String clock =
                        "incidents.find { it.reportId == '" + covered + "' }.clocks.find { it.regime == 'EU_MDR' }";
                assertEquals(state, fscaCase.getString(clock + ".state"));
                assertEquals("Art. 87(9)", fscaCase.getString(clock + ".basis"));
                assertEquals(reference, fscaCase.getString(clock + ".submission.reference"));
            }
        });
    }

    /** A quarterly agreement on the problem of the pump triage's events name, its first period begun a month ago. */
    private static String agreement(String problemId) {
        return """
                {"regime":"EU_MDR","productId":"INSULIN-PUMP-X","problemId":"%s","deviceProblems":["A110202"],
                 "frequency":"P3M","firstPeriodStart":"%s","competentAuthority":"BfArM (DE)",
                 "authorityReference":"PSR-2026-17","agreedAt":"%s",
                 "signature":{"password":"ra-local","meaning":"APPROVAL"}}"""
                .formatted(
                        problemId,
                        LocalDate.now(ZoneOffset.UTC).minusMonths(1),
                        Instant.now().minus(Duration.ofDays(30)));
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }
}
