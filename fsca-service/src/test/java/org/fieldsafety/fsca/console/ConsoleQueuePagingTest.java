package org.fieldsafety.fsca.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The queue one page at a time: filtered by product it shows that product's open cases and draft vigilance
 * reports and how many there are, and nothing of another product; a page past the end is empty, and a page
 * below 1 is refused with a problem. Over plain HTTP.
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
    void theQueueOfOneProductCountsItsCasesAndDraftsAndPagesThem() throws Exception {
        String product = "PAGED-PUMP-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "OTHER-PUMP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant aware = Instant.now().minus(Duration.ofHours(1));
        List<String> problems =
                List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String otherProblem = UUID.randomUUID().toString();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        problems.forEach(problem -> records.add(record(
                TriageEvents.seriousIncident("report-" + problem, product, problem, aware, Duration.ofDays(15)))));
        // due sooner than the product's drafts, so an unfiltered first page would show it first
        records.add(record(TriageEvents.seriousIncident(
                "report-" + otherProblem, other, otherProblem, aware, Duration.ofDays(2))));
        TestKafka.publishInOneBatch(bootstrapServers, records);
        RequestSpecification ra = ConsoleSession.signIn("ra", "ra-local");
        String otherCase = FscaCases.caseIdFor(otherProblem);

        // each serious incident has two drafts: the EU MDR's report and the FDA's
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> queue(ra, product)
                .then()
                .statusCode(200)
                .body(containsString("1 to 2 of 2, page 1 of 1"))
                .body(containsString("data-case=\"" + FscaCases.caseIdFor(problems.get(0)) + "\""))
                .body(containsString("data-case=\"" + FscaCases.caseIdFor(problems.get(1)) + "\""))
                .body(containsString("4 drafts of " + product + "."))
                .body(not(containsString(otherCase))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> queue(ra, other)
                .then()
                .statusCode(200)
                .body(containsString("2 drafts of " + other + "."))
                .body(containsString("href=\"/console/cases/" + otherCase + "\""))
                .body(not(containsString(FscaCases.caseIdFor(problems.get(0))))));
        given().spec(ra)
                .queryParam("product", product)
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

    /** A request of its own each time: a signed-in specification keeps the query parameters added to it. */
    private static Response queue(RequestSpecification session, String product) {
        return given().spec(session).queryParam("product", product).get("/console");
    }

    private ProducerRecord<String, String> record(ReportTriaged triaged) {
        try {
            return TriageEvents.record(json, triaged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
