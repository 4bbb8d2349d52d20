package org.fieldsafety.triage.problem;

import static org.fieldsafety.triage.Flows.eventsUntil;
import static org.fieldsafety.triage.Flows.problemId;
import static org.fieldsafety.triage.Flows.registeredProduct;
import static org.fieldsafety.triage.Flows.report;
import static org.fieldsafety.triage.Flows.staff;
import static org.fieldsafety.triage.Flows.withId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.fieldsafety.triage.Flows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Problems (IEC 62304 9.1) and trends (MDR Art. 88) against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class ProblemFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    TrendTracker problems;

    @Inject
    TrendReevaluation reevaluation;

    @Inject
    DataSource dataSource;

    @Test
    void aNewProblemIsDetectedOnceAndRepublishedWithTheSameIdWhenItsBatchIsRedelivered() throws Exception {
        String productId = registeredProduct("PROBLEM");
        FieldReportReceived first = report(productId);
        FieldReportReceived second = report(productId);
        String detectedId = "problem-detected-" + problemId(productId);

        publish(first);
        publish(second);
        List<ConsumerRecord<String, String>> detected =
                withId(eventsUntil(bootstrap, productId, "triaged-" + second.reportId(), 1), detectedId);
        assertEquals(1, detected.size(), "a second report of the problem detects nothing");
        assertEquals(ProblemDetected.TYPE, TestKafka.header(detected.get(0), "ce_type"));
        ProblemDetected event = json.readValue(detected.get(0).value(), ProblemDetected.class);
        assertEquals(event.problemId(), detected.get(0).key(), "keyed by problem (decision 0020)");
        assertEquals(first.reportId(), event.firstReportId());
        assertEquals("Dim display", event.hazard());
        assertEquals(first.receivedAt(), event.firstSeen());

        publish(first); // redelivery of the first report's batch
        List<ConsumerRecord<String, String>> again =
                withId(eventsUntil(bootstrap, productId, "triaged-" + first.reportId(), 2), detectedId);
        assertEquals(2, again.size());
        assertEquals(detected.get(0).value(), again.get(1).value(), "the same event again");
    }

    /** A complaint may name neither the software item nor the fault: its problem is still recorded. */
    @Test
    void aReportWithoutSoftwareItemOrFaultCodeIsTriagedWithItsProblem() throws Exception {
        String productId = registeredProduct("UNNAMED");
        FieldReportReceived named = report(productId);
        FieldReportReceived unnamed = new FieldReportReceived(
                named.reportId(),
                named.clientId(),
                named.receivedAt(),
                named.source(),
                productId,
                named.udiDi(),
                named.deviceSerial(),
                named.softwareVersion(),
                null,
                null,
                named.occurredAt(),
                named.country(),
                named.patientOutcome(),
                "The pump stopped",
                named.reporter(),
                named.attributes(),
                null,
                null);
        publish(unnamed);
        eventsUntil(bootstrap, productId, "triaged-" + unnamed.reportId(), 1);
        staff("auditor", "auditor-local")
                .queryParam("productId", productId)
                .get("/api/v1/problems")
                .then()
                .statusCode(200)
                .body("[0].occurrences", equalTo(1));
    }

    /**
     * Follow-up information (MDR Art. 87, 21 CFR 803.3): the outcome of an earlier report turned into a death.
     * It joins the original's problem, its duties follow from the new information with the clocks from its
     * own awareness, and it is not another occurrence of the problem.
     */
    @Test
    void aFollowUpIsLinkedToItsOriginalAndIsNotAnotherOccurrence() throws Exception {
        String productId = registeredProduct("FOLLOW-UP");
        FieldReportReceived first = report(productId);
        publish(first);
        eventsUntil(bootstrap, productId, "triaged-" + first.reportId(), 1);

        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant aware = received.minus(Duration.ofHours(2));
        FieldReportReceived followUp = new FieldReportReceived(
                UUID.randomUUID().toString(),
                first.clientId(),
                received,
                ReportSource.CUSTOMER_COMPLAINT,
                productId,
                null,
                first.deviceSerial(),
                first.softwareVersion(),
                first.softwareItem(),
                first.faultCode(),
                first.occurredAt(),
                first.country(),
                PatientOutcome.DEATH,
                "The patient of the earlier report died",
                first.reporter(),
                Map.of(),
                aware,
                first.reportId());
        publish(followUp);
        eventsUntil(bootstrap, productId, "triaged-" + followUp.reportId(), 1);
        staff("ra", "ra-local")
                .get("/api/v1/triage/{id}", followUp.reportId())
                .then()
                .statusCode(200)
                .body("problemId", equalTo(problemId(productId)))
                .body("followUpOf", equalTo(first.reportId()))
                .body("originalReportId", equalTo(first.reportId()))
                .body("seriousness.finding", equalTo("UNANTICIPATED"))
                .body("awareAt", equalTo(aware.toString()))
                .body("receivedAt", equalTo(received.toString()))
                .body("reportability[0].regime", equalTo("EU_MDR"))
                .body("reportability[0].basis", equalTo("Art. 87(5)"))
                .body(
                        "reportability[0].deadline",
                        equalTo(aware.plus(Duration.ofDays(10)).toString()));
        staff("auditor", "auditor-local")
                .queryParam("productId", productId)
                .get("/api/v1/problems")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].occurrences", equalTo(1));
    }

    /**
     * ISO 13485 8.2.2, 21 CFR 820.198: a complaint of a death that names no software version, item, fault
     * code or time is triaged at its worst case, says what was missing, and starts its clocks.
     */
    @Test
    void aComplaintWithoutVersionIsTriagedAtItsWorstCaseAndStartsItsClocks() throws Exception {
        String productId = registeredProduct("COMPLAINT");
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FieldReportReceived complaint = new FieldReportReceived(
                UUID.randomUUID().toString(),
                "complaints",
                received,
                ReportSource.CUSTOMER_COMPLAINT,
                productId,
                null,
                null,
                null,
                null,
                null,
                null,
                "DE",
                PatientOutcome.DEATH,
                "The patient died while using the meter",
                null,
                Map.of(),
                null,
                null);
        publish(complaint);
        eventsUntil(bootstrap, productId, "triaged-" + complaint.reportId(), 1);
        staff("ra", "ra-local")
                .get("/api/v1/triage/{id}", complaint.reportId())
                .then()
                .statusCode(200)
                .body("missing", equalTo(List.of("softwareVersion", "softwareItem", "faultCode", "occurredAt")))
                .body("softwareVersion", nullValue())
                .body("safetyClass", equalTo("C"))
                .body("seriousIncident", equalTo(true))
                .body("seriousness.finding", equalTo("UNANTICIPATED"))
                .body("awareAt", equalTo(received.toString()))
                .body("reportability[0].basis", equalTo("Art. 87(5)"))
                .body(
                        "reportability[0].deadline",
                        equalTo(received.plus(Duration.ofDays(10)).toString()));
    }

    @Test
    void aBurstOfReportsRaisesOneTrendSignalWithoutMakingItsReportsFscaCandidates() throws Exception {
        String productId = registeredProduct("TREND");
        String problemId = problemId(productId);
        FieldReportReceived quiet = report(productId);
        publish(quiet);
        eventsUntil(bootstrap, productId, "triaged-" + quiet.reportId(), 1);
        staff("ra", "ra-local")
                .get("/api/v1/triage/{id}", quiet.reportId())
                .then()
                .statusCode(200)
                .body("riskRegion", equalTo("ACCEPTABLE"))
                .body("fscaCandidate", equalTo(false));

        List<FieldReportReceived> burst =
                IntStream.range(0, 7).mapToObj(i -> report(productId)).toList();
        for (FieldReportReceived report : burst) {
            publish(report);
        }
        FieldReportReceived last = burst.get(burst.size() - 1);
        List<ConsumerRecord<String, String>> events =
                eventsUntil(bootstrap, productId, "triaged-" + last.reportId(), 1);

        List<ConsumerRecord<String, String>> signals = events.stream()
                .filter(r -> TrendSignalRaised.TYPE.equals(TestKafka.header(r, "ce_type")))
                .toList();
        assertEquals(1, signals.size(), "one signal per episode");
        assertEquals("trend-signal-" + problemId + "-1", TestKafka.header(signals.get(0), "ce_id"));
        TrendSignalRaised signal = json.readValue(signals.get(0).value(), TrendSignalRaised.class);
        assertEquals(problemId, signal.problemId());
        assertEquals(0.7, signal.expected(), 1e-9);
        staff("ra", "ra-local")
                .get("/api/v1/triage/{id}", last.reportId())
                .then()
                .statusCode(200)
                .body("riskRegion", equalTo("ACCEPTABLE"))
                .body("trendSignal", equalTo(true))
                .body("fscaCandidate", equalTo(false));
        staff("auditor", "auditor-local")
                .queryParam("productId", productId)
                .get("/api/v1/problems")
                .then()
                .statusCode(200)
                .body("[0].problemId", equalTo(problemId))
                .body("[0].occurrences", equalTo(8))
                .body("[0].softwareVersions", equalTo(List.of("1.0.0")))
                .body("[0].countries", equalTo(List.of("DE")))
                .body("[0].trend.signal", equalTo(true))
                .body("[0].trend.observed", equalTo(8))
                .body("[0].trend.expected", equalTo(0.7f))
                .body("[0].trend.pValue", lessThan(0.01f))
                .body("[0].trend.since", notNullValue());
    }

    @Test
    void anEpisodeEndsWhenItsReportsStopComingAndTheNextIncreaseRaisesANewSignal() throws Throwable {
        String productId = registeredProduct("EPISODE");
        String problemId = problemId(productId);
        List<FieldReportReceived> burst =
                IntStream.range(0, 4).mapToObj(i -> report(productId)).toList();
        burst.forEach(this::publish);
        eventsUntil(bootstrap, productId, "triaged-" + burst.get(3).reportId(), 1);
        trendOf(productId).body("signal", equalTo(true));

        Instant aWeekLater = Instant.now().plus(Duration.ofDays(8));
        // another instance holds this run: this one skips it
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (Statement lock = otherInstance.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + TrendReevaluation.LOCK + ")");
            }
            assertFalse(VertxContextSupport.subscribeAndAwait(() -> reevaluation.reevaluate(aWeekLater)));
            trendOf(productId).body("signal", equalTo(true));
            otherInstance.rollback();
        }

        assertTrue(VertxContextSupport.subscribeAndAwait(() -> reevaluation.reevaluate(aWeekLater)));
        trendOf(productId)
                .body("signal", equalTo(false))
                .body("observed", equalTo(0))
                .body("since", nullValue());
    }

    /**
     * The stored reports are counted by day except on the days the windows start, to the instant: each
     * report just inside or outside a window's start counts where it belongs, whatever the time of day.
     */
    @Test
    void aTrendCountsTheStoredReportsExactlyAtTheWindowsStarts() throws Throwable {
        String productId = registeredProduct("WINDOWS");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant at = now.plus(Duration.ofDays(3)); // the evaluation: a recent window from at - 7 days
        Instant recentStart = at.minus(Duration.ofDays(7));
        Instant baselineStart = recentStart.minus(Duration.ofDays(90));
        List<FieldReportReceived> reports = new ArrayList<>();
        reports.add(report(productId, baselineStart.minusSeconds(60))); // outside both windows
        reports.add(report(productId, baselineStart.plusSeconds(60))); // baseline
        IntStream.range(0, 10).forEach(i -> reports.add(report(productId, at.minus(Duration.ofDays(30))))); // baseline
        reports.add(report(productId, recentStart.minusSeconds(60))); // baseline
        reports.add(report(productId, recentStart.plusSeconds(60))); // recent
        IntStream.range(0, 4).forEach(i -> reports.add(report(productId, now))); // recent
        for (FieldReportReceived report : reports) { // one at a time: each later one counts the stored ones
            publish(report);
            eventsUntil(bootstrap, productId, "triaged-" + report.reportId(), 1);
        }
        trendOf(productId).body("signal", equalTo(true));

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> problems.reevaluateEpisodes(at)));

        trendOf(productId).body("observed", equalTo(5)).body("expected", equalTo((float) (12 / 90.0 * 7)));
    }

    /** The trend chart's numbers: a problem's counted reports per UTC week against its trend's expectation. */
    @Test
    void aProblemsReportsAreCountedPerWeekAgainstWhatItsTrendExpects() throws Exception {
        String productId = registeredProduct("WEEKS");
        String problemId = problemId(productId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<FieldReportReceived> reports = new ArrayList<>();
        reports.add(report(productId, now.minus(Duration.ofDays(400)))); // before the weeks asked for
        IntStream.range(0, 2).forEach(i -> reports.add(report(productId, now.minus(Duration.ofDays(14)))));
        IntStream.range(0, 3).forEach(i -> reports.add(report(productId, now)));
        for (FieldReportReceived report : reports) {
            publish(report);
            eventsUntil(bootstrap, productId, "triaged-" + report.reportId(), 1);
        }
        float expected = trendOf(productId).extract().path("[0].trend.expected");

        staff("qa", "qa-local")
                .queryParam("weeks", 4)
                .get("/api/v1/problems/{problemId}/weeks", problemId)
                .then()
                .statusCode(200)
                .body("problemId", equalTo(problemId))
                .body("productId", equalTo(productId))
                .body("weeks.reports", equalTo(List.of(0, 2, 0, 3)))
                .body(
                        "weeks[3].start",
                        equalTo(now.truncatedTo(ChronoUnit.DAYS)
                                .minus(Duration.ofDays(now.atZone(ZoneOffset.UTC)
                                                .getDayOfWeek()
                                                .getValue()
                                        - 1L))
                                .toString()))
                .body("expectedPerWeek", equalTo(expected)) // the trend's window is a week
                .body("expectedFrom", notNullValue());
        staff("auditor", "auditor-local")
                .get("/api/v1/problems/{problemId}/weeks", problemId)
                .then()
                .statusCode(200)
                .body("weeks.size()", equalTo(26));

        staff("auditor", "auditor-local")
                .queryParam("weeks", 105)
                .get("/api/v1/problems/{problemId}/weeks", problemId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        staff("auditor", "auditor-local")
                .get("/api/v1/problems/{problemId}/weeks", "no-such-problem")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private ValidatableResponse trendOf(String productId) {
        return staff("auditor", "auditor-local")
                .queryParam("productId", productId)
                .get("/api/v1/problems")
                .then()
                .statusCode(200)
                .rootPath("[0].trend");
    }

    private void publish(FieldReportReceived report) {
        Flows.publish(bootstrap, json, report);
    }
}
