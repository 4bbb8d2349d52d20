package org.fieldsafety.fsca.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The queue one page at a time: filtered by product it shows that product's open cases and how many there
 * are; a page past the end is empty, and a page below 1 is refused with a problem. Over plain HTTP.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class ConsoleQueuePagingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void theQueueOfOneProductCountsItsCasesAndPagesThem() throws Exception {
        String product = "PAGED-PUMP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant aware = Instant.now().minus(Duration.ofHours(1));
        List<String> problems =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        TestKafka.publishInOneBatch(
                bootstrapServers,
                problems.stream()
                        .map(problem -> record(TriageEvents.seriousIncident(
                                "report-" + problem, product, problem, aware, Duration.ofDays(15))))
                        .toList());
        RequestSpecification ra = ConsoleSession.signIn("ra", "ra-local");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ra.queryParam("product", product)
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("1 to 2 of 2, page 1 of 1"))
                .body(containsString("data-case=\"" + FscaCases.caseIdFor(problems.get(0)) + "\""))
                .body(containsString("data-case=\"" + FscaCases.caseIdFor(problems.get(1)) + "\"")));
        ra.queryParam("product", product)
                .queryParam("page", 2)
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("No open cases with these filters on this page"))
                .body(containsString("href=\"/console?product=" + product + "&amp;page=1\""))
                .body(not(containsString("data-case=\"" + FscaCases.caseIdFor(problems.get(0)) + "\"")));
    }

    @Test
    void aPageBelowOneIsRefusedWithAProblem() {
        ConsoleSession.signIn("ra", "ra-local")
                .queryParam("page", 0)
                .get("/console")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ConsoleSession.signIn("ra", "ra-local")
                .queryParam("page", 0)
                .get("/console/vigilance-reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private ProducerRecord<String, String> record(ReportTriaged triaged) {
        try {
            return TriageEvents.record(json, triaged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
