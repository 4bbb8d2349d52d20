package org.fieldsafety.fsca.vigilance.periodic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regulatory affairs records a periodic summary reporting agreement and ends it, through the API on the real
 * database: signed, audited, read by auditors, refused to others, bad input answered with a problem.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class PeriodicSummaryAgreementFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PATH = "/api/v1/periodic-summary-agreements";

    @Inject
    AuditTrail trail;

    @Test
    void regulatoryAffairsRecordsAnAgreementAuditorsReadItAndItEndsOnce() {
        String problemId = UUID.randomUUID().toString();
        Instant agreedAt = Instant.now().minusSeconds(3600);

        // bad input is a problem and changes nothing; only regulatory affairs records
        as("ra").contentType(ContentType.JSON)
                .body(agreement(problemId, "quarterly", "A110202", agreedAt, "ra-local"))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ISO-8601"));
        as("ra").contentType(ContentType.JSON)
                .body(agreement(problemId, "P3M", "A999999", agreedAt, "ra-local"))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("A999999"));
        as("ra").contentType(ContentType.JSON)
                .body(agreement(problemId, "P3M", "A110202", agreedAt, "ra-local")
                        .replace("\"regime\":\"EU_MDR\"", "\"regime\":\"US_FDA\""))
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("EU MDR"));
        as("ra").contentType(ContentType.JSON)
                .body("{\"regime\":\"EU_MDR\"}")
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("qa").contentType(ContentType.JSON)
                .body(agreement(problemId, "P3M", "A110202", agreedAt, "qa-local"))
                .post(PATH)
                .then()
                .statusCode(403);
        as("qa").get(PATH).then().statusCode(403);

        String id = as("ra").contentType(ContentType.JSON)
                .body(agreement(problemId, "P3M", "A110202", agreedAt, "ra-local"))
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("signature.meaning", equalTo("APPROVAL"))
                .extract()
                .path("agreementId");

        await().atMost(PATIENCE).untilAsserted(() -> as("auditor")
                .queryParam("problemId", problemId)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].frequency", equalTo("P3M"))
                .body("[0].firstPeriodStart", equalTo("2026-01-01"))
                .body("[0].deviceProblems[0].code", equalTo("A110202"))
                .body("[0].deviceProblems[0].term", notNullValue())
                .body("[0].endedAt", equalTo(null)));

        as("qa").contentType(ContentType.JSON)
                .body(end("qa-local"))
                .post(PATH + "/{id}/end", id)
                .then()
                .statusCode(403);
        as("ra").contentType(ContentType.JSON)
                .body(end("ra-local"))
                .post(PATH + "/{id}/end", id)
                .then()
                .statusCode(200)
                .body("meaning", equalTo("APPROVAL"));
        as("ra").contentType(ContentType.JSON)
                .body(end("ra-local"))
                .post(PATH + "/{id}/end", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as("ra").contentType(ContentType.JSON)
                .body(end("ra-local"))
                .post(PATH + "/{id}/end", "no-such-agreement")
                .then()
                .statusCode(404);
        await().atMost(PATIENCE).untilAsserted(() -> as("auditor")
                .get(PATH + "/{id}", id)
                .then()
                .statusCode(200)
                .body("endReason", equalTo("root cause corrected"))
                .body("endedAt", notNullValue()));
        as("auditor").get(PATH + "/{id}", "no-such-agreement").then().statusCode(404);
        assertTrue(trail.audit(PeriodicSummaryAgreement.class, id).verified());
    }

    private static String agreement(
            String problemId, String frequency, String deviceProblem, Instant agreedAt, String password) {
        return """
                {"regime":"EU_MDR","productId":"product-psr","problemId":"%s","deviceProblems":["%s"],
                 "frequency":"%s","firstPeriodStart":"2026-01-01","competentAuthority":"BfArM (DE)",
                 "authorityReference":"PSR-2026-17","agreedAt":"%s",
                 "signature":{"password":"%s","meaning":"APPROVAL"}}"""
                .formatted(problemId, deviceProblem, frequency, agreedAt, password);
    }

    private static String end(String password) {
        return """
                {"reason":"root cause corrected","signature":{"password":"%s","meaning":"APPROVAL"}}"""
                .formatted(password);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-local");
    }
}
