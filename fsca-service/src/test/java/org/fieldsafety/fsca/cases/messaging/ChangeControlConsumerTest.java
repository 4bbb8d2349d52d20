package org.fieldsafety.fsca.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.fsca.ChangeControlEvents;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.console.ConsoleSession;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Change control's steps on the real broker reach the case's read model, its API and its console page. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class ChangeControlConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void theCaseShowsItsChangeRequestAtTheLatestStatusWhateverTheOrderAndRedelivery() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        TriageEvents.publish(
                bootstrapServers,
                json,
                TriageEvents.seriousIncident(problemId, Instant.now().minusSeconds(3600), Duration.ofDays(10)));
        String changeRequestId = UUID.randomUUID().toString();
        Instant raisedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant approvedAt = raisedAt.plusSeconds(60);

        ChangeControlEvents.raised(bootstrapServers, json, changeRequestId, caseId, raisedAt);
        ChangeControlEvents.milestone(
                bootstrapServers, json, changeRequestId, "ChangeApproved", "APPROVED", approvedAt);
        // out of order: an earlier step arrives after a later one, then the later one is redelivered
        ChangeControlEvents.milestone(
                bootstrapServers, json, changeRequestId, "ImpactAnalysed", "IMPACT_ANALYSED", raisedAt.plusSeconds(30));
        ChangeControlEvents.milestone(
                bootstrapServers, json, changeRequestId, "ChangeApproved", "APPROVED", approvedAt);
        ChangeControlEvents.raised(bootstrapServers, json, changeRequestId, caseId, raisedAt);
        String marker = UUID.randomUUID().toString(); // processed after all of the above: same key, same partition
        ChangeControlEvents.raised(bootstrapServers, json, marker, caseId, raisedAt);

        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("changeRequests", hasSize(2)));
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .body(
                        "changeRequests.find { it.changeRequestId == '%s' }.status".formatted(changeRequestId),
                        equalTo("APPROVED"))
                .body(
                        "changeRequests.find { it.changeRequestId == '%s' }.milestone".formatted(changeRequestId),
                        equalTo("ChangeApproved"))
                .body(
                        "changeRequests.find { it.changeRequestId == '%s' }.updatedAt".formatted(changeRequestId),
                        equalTo(approvedAt.toString()))
                .body("changeRequests.find { it.changeRequestId == '%s' }.status".formatted(marker), equalTo("RAISED"));

        String page = ConsoleSession.signIn("auditor", "auditor-local")
                .get("/console/cases/{id}", caseId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("data-change-request=\"" + changeRequestId + "\""), page);
        assertTrue(page.contains(">Approved</span>"), page);
    }

    @Test
    void anUnreadableChangeRequestStepGoesToTheDeadLetterTopicWithTheReasonAndOtherTypesAreSkipped() throws Exception {
        String run = UUID.randomUUID().toString();
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.CHANGE_CONTROL))) {
            ChangeControlEvents.publish(
                    bootstrapServers, "skipped-" + run, "org.fieldsafety.ProblemReportOpened.v1", "not read at all");
            ChangeControlEvents.publish(
                    bootstrapServers, "not-json-" + run, "org.fieldsafety.ChangeApproved.v1", "{not json");
            ChangeControlEvents.publish(
                    bootstrapServers,
                    "no-time-" + run,
                    "org.fieldsafety.ChangeVerified.v1",
                    "{\"changeRequestId\":\"cr-" + run
                            + "\",\"milestone\":\"ChangeVerified\",\"status\":\"VERIFIED\"}");

            Map<String, String> reasons = new HashMap<>();
            await().atMost(PATIENCE).until(() -> {
                TestKafka.poll(deadLetters).stream()
                        .filter(r -> TestKafka.header(r, "ce_id").endsWith(run))
                        .forEach(r ->
                                reasons.put(TestKafka.header(r, "ce_id"), TestKafka.header(r, "dead-letter-reason")));
                return reasons.size() == 2;
            });
            assertEquals(2, reasons.size(), reasons.toString());
            assertEquals("occurredAt is required", reasons.get("no-time-" + run));
            assertTrue(
                    reasons.get("not-json-" + run).startsWith("not a org.fieldsafety.ChangeApproved.v1 JSON document"),
                    reasons.toString());
        }
    }

    /**
     * PostgreSQL restarting while change control's steps arrive: those read while it is down wait, none
     * reaches the dead letters, and once it is back the case shows every change request.
     */
    @Test
    void changeRequestsRaisedWhilePostgresRestartsAllReachTheCaseAndNoneIsDeadLettered() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = FscaCases.caseIdFor(problemId);
        TriageEvents.publish(
                bootstrapServers,
                json,
                TriageEvents.seriousIncident(problemId, Instant.now().minusSeconds(3600), Duration.ofDays(10)));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200));
        List<String> changeRequestIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changeRequestIds.add(UUID.randomUUID().toString());
        }
        Instant raisedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PostgresServer postgres = InfraTestResource.TestServers.get().postgres();
        try (KafkaConsumer<String, String> deadLetters =
                TestKafka.consumerFromStart(bootstrapServers, Topics.deadLetter(Topics.CHANGE_CONTROL))) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            postgres.restart(() -> {
                changeRequestIds.subList(0, 5).forEach(id -> raise(id, caseId, raisedAt));
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> deadLettersOf(deadLetters, changeRequestIds, dead)
                                .isEmpty());
            });
            changeRequestIds.subList(5, 10).forEach(id -> raise(id, caseId, raisedAt));

            await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                    .preemptive()
                    .basic("auditor", "auditor-local")
                    .get("/api/v1/fsca-cases/{id}", caseId)
                    .then()
                    .statusCode(200)
                    .body("changeRequests", hasSize(10))
                    .body("changeRequests.status", everyItem(equalTo("RAISED"))));
            assertEquals(List.of(), deadLettersOf(deadLetters, changeRequestIds, dead));
        }
    }

    private void raise(String changeRequestId, String caseId, Instant raisedAt) {
        try {
            ChangeControlEvents.raised(bootstrapServers, json, changeRequestId, caseId, raisedAt);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dead letters of these change requests seen so far, {@code seen} included. */
    private static List<ConsumerRecord<String, String>> deadLettersOf(
            KafkaConsumer<String, String> deadLetters,
            List<String> changeRequestIds,
            List<ConsumerRecord<String, String>> seen) {
        TestKafka.poll(deadLetters).stream()
                .filter(r -> changeRequestIds.stream().anyMatch(id -> String.valueOf(TestKafka.header(r, "ce_id"))
                        .endsWith(id)))
                .forEach(seen::add);
        return seen;
    }
}
