package org.fieldsafety.fsca.cases.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.eventstore.processing.ProcessorLag;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.Incidents;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.messaging.FscaMilestonePublisher;
import org.fieldsafety.fsca.vigilance.messaging.VigilanceMilestonePublisher;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The projection as Axon drives it, at least once: a redelivered event (same sequence number) writes
 * nothing twice, and a reclassification moves the case's nearest deadline either way.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class FscaCaseProjectionTest {

    /** Whole seconds, as the database keeps them; every deadline ahead, so no case here jumps the queue. */
    private static final Instant AWARE = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    FscaCaseProjection projection;

    @Inject
    DataSource dataSource;

    @Inject
    ClockFigures clockFigures;

    @Inject
    ProcessorLag processorLag;

    @ConfigProperty(name = "quarkus.management.test-port")
    int management;

    /**
     * Open clocks (one due within 24 hours), a missed one and an ended one, written straight into the
     * incidents' table under a regime of their own (no case shows them, so no queue changes).
     */
    @Test
    void runningClocksAreCountedAsOpenDueAndMissedByRegime() throws SQLException {
        String regime = "TEST-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        insertIncident(caseId, "open", regime, AWARE.plus(Duration.ofDays(10)), "OPEN");
        insertIncident(caseId, "due", regime, AWARE.plus(Duration.ofHours(12)), "OPEN");
        insertIncident(caseId, "missed", regime, AWARE.minus(Duration.ofHours(1)), null);
        insertIncident(caseId, "submitted", regime, AWARE.minus(Duration.ofDays(1)), "SUBMITTED");

        assertEquals(new ClockFigures.Counts(2, 1, 1), clockFigures.refresh().get(regime));
        given().port(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("fieldsafety_clocks_open{regime=\"" + regime + "\"} 2.0"))
                .body(containsString("fieldsafety_clocks_due{regime=\"" + regime + "\"} 1.0"))
                .body(containsString("fieldsafety_clocks_missed{regime=\"" + regime + "\"} 1.0"));
    }

    /** Every processor measures its lag once it holds its segments, and the gauge shows it. */
    @Test
    void everyProcessorsLagIsMeasured() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var lags = processorLag.refresh();
            assertFalse(lags.isEmpty());
            lags.forEach((group, lag) -> assertEquals(true, lag != null && lag >= 0, group + ": " + lag));
        });
        given().port(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("fieldsafety_axon_processor_lag{processing_group=\""));
    }

    /**
     * The read models' processors split into the default four segments, which two instances share; the
     * publishers keep one, so a product's milestones leave in the event store's order.
     */
    @Test
    void publishersKeepOneSegmentWhileReadModelsSplit() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(4, segments(FscaCaseProjection.PROCESSING_GROUP));
            assertEquals(1, segments(FscaMilestonePublisher.PROCESSING_GROUP));
            assertEquals(1, segments(VigilanceMilestonePublisher.PROCESSING_GROUP));
        });
    }

    /** An incident row with one clock; a clock without a state is one recorded before clock states: open. */
    private void insertIncident(String caseId, String reportId, String regime, Instant deadline, String state)
            throws SQLException {
        String clock = "{\"regime\":\"" + regime + "\",\"basis\":\"Art. 87(3)\",\"deadline\":\"" + deadline + "\""
                + (state == null ? "" : ",\"state\":\"" + state + "\"") + "}";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into fsca_case_incident (case_id, report_id, attach_sequence, nearest_deadline,"
                                + " incident) values (?, ?, 1, ?, ?::jsonb)")) {
            insert.setString(1, caseId);
            insert.setString(2, reportId);
            insert.setObject(3, "SUBMITTED".equals(state) ? null : deadline.atOffset(ZoneOffset.UTC));
            insert.setString(4, "{\"reportId\":\"" + reportId + "\",\"clocks\":[" + clock + "]}");
            insert.executeUpdate();
        }
    }

    @Test
    void aRedeliveredAttachmentAddsNoSecondIncident() throws SQLException {
        String caseId = opened();
        IncidentAttached attached = new IncidentAttached(caseId, incident("a", Duration.ofDays(10)));
        projection.on(attached, 1);
        projection.on(attached, 1);

        assertEquals(1, single("select count(*) from fsca_case_incident where case_id = ?", caseId));
        assertEquals(1, single("select incident_count from fsca_case_view where case_id = ?", caseId));
    }

    /**
     * As a processor's batch writes: more new cases than one lookup takes, a redelivered opening of a case
     * that exists and a redelivered attachment within the batch each write once.
     */
    @Test
    void aBatchWritesEachViewOnce() throws SQLException {
        String seen = opened();
        String batch = UUID.randomUUID().toString();
        new BatchingUnitOfWork<>(GenericEventMessage.asEventMessage(batch)).execute(() -> {
            projection.on(opening(seen), 0);
            for (int i = 0; i < 150; i++) {
                projection.on(opening(batch + "-" + i), 0);
            }
            IncidentAttached attached = new IncidentAttached(batch + "-149", incident("a", Duration.ofDays(10)));
            projection.on(attached, 1);
            projection.on(attached, 1);
        });

        try {
            assertEquals(1, single("select count(*) from fsca_case_view where case_id = ?", seen));
            assertEquals(150, single("select count(*) from fsca_case_view where case_id like ?", batch + "-%"));
            assertEquals(1, single("select count(*) from fsca_case_incident where case_id = ?", batch + "-149"));
            assertEquals(1, single("select incident_count from fsca_case_view where case_id = ?", batch + "-149"));
        } finally {
            // 150 open cases would push the console tests' cases off the queue's first page
            update("delete from fsca_case_incident where case_id like ?", batch + "-%");
            update("delete from fsca_case_view where case_id like ?", batch + "-%");
        }
    }

    @Test
    void aReclassificationMovesTheNearestDeadlineLaterAndEarlier() throws SQLException {
        String caseId = opened();
        projection.on(new IncidentAttached(caseId, incident("a", Duration.ofDays(10))), 1);
        projection.on(new IncidentAttached(caseId, incident("b", Duration.ofDays(20))), 2);
        assertEquals(AWARE.plus(Duration.ofDays(10)), nearestDeadline(caseId));

        projection.on(reclassified(caseId, "a", Duration.ofDays(30)), 3);
        assertEquals(AWARE.plus(Duration.ofDays(20)), nearestDeadline(caseId));

        IncidentReclassified earlier = reclassified(caseId, "b", Duration.ofDays(5));
        projection.on(earlier, 4);
        assertEquals(AWARE.plus(Duration.ofDays(5)), nearestDeadline(caseId));

        projection.on(reclassified(caseId, "b", Duration.ofDays(25)), 5);
        projection.on(earlier, 4);
        assertEquals(AWARE.plus(Duration.ofDays(25)), nearestDeadline(caseId));

        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("nearestDeadline", equalTo(AWARE.plus(Duration.ofDays(25)).toString()))
                .body("incidents.reportId", equalTo(List.of("a", "b")))
                .body(
                        "incidents[0].clocks[0].deadline",
                        equalTo(AWARE.plus(Duration.ofDays(30)).toString()))
                .body(
                        "incidents[1].clocks[0].deadline",
                        equalTo(AWARE.plus(Duration.ofDays(25)).toString()));
    }

    private String opened() {
        String caseId = UUID.randomUUID().toString();
        projection.on(opening(caseId), 0);
        return caseId;
    }

    private static FscaCaseOpened opening(String caseId) {
        return new FscaCaseOpened(caseId, UUID.randomUUID().toString(), "INSULIN-PUMP-X", AWARE, null, 0);
    }

    private static Incident incident(String reportId, Duration euMdrClock) {
        return Incidents.overdose(reportId, AWARE, "4.2.1", clocks(euMdrClock));
    }

    private static IncidentReclassified reclassified(String caseId, String reportId, Duration euMdrClock) {
        return new IncidentReclassified(caseId, reportId, AWARE, clocks(euMdrClock), AWARE);
    }

    /** An MDR clock and a later FDA one. */
    private static List<ReportingClock> clocks(Duration euMdrClock) {
        return List.of(
                ReportingClock.proposed("EU_MDR", "Art. 87(3)", AWARE.plus(euMdrClock)),
                ReportingClock.proposed("US_FDA", "21 CFR 803.50", AWARE.plus(Duration.ofDays(31))));
    }

    private Instant nearestDeadline(String caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select nearest_deadline from fsca_case_view where case_id = ?")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    /** The token entries, one per segment, of {@code processingGroup}'s processor. */
    private long segments(String processingGroup) throws SQLException {
        return single("select count(*) from token_entry where processor_name = ?", processingGroup);
    }

    private void update(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, parameter);
            update.executeUpdate();
        }
    }

    private long single(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
