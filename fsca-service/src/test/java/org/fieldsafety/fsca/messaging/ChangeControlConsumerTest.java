package org.fieldsafety.fsca.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.fsca.ChangeControlEvents;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.console.ConsoleSession;
import org.fieldsafety.infra.InfraTestResource;
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
}
