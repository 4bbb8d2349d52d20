package org.fieldsafety.fsca.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Part 11 signatures against the real Keycloak: a signature needs a fresh authentication of the signer
 * (a sign-in whose {@code auth_time} is within the window, here 5 s, or the password re-entered), carries
 * the signer's full name into the case and its audit trail, and a refused one is kept for auditors.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class SignatureFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String UNSIGNED_DECISION =
            """
            {"decision":"NO_FSCA","rationale":"Not a safety issue","signature":{"meaning":"APPROVAL"}}""";

    private final TestTokens tokens = TestTokens.ofTestServers();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fieldsafety.signature.max-authentication-age")
    Duration window;

    @Inject
    ObjectMapper json;

    @Test
    void aFreshSignInSignsWithTheSignersFullNameInTheCaseAndItsAuditTrail() throws Exception {
        String caseId = openCase();
        given().auth()
                .oauth2(tokens.codeFlowToken("ra", "ra-local"))
                .contentType(ContentType.JSON)
                .body(UNSIGNED_DECISION)
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(200)
                .body("signature.signer", equalTo("ra"))
                .body("signature.printedName", equalTo("Rosa Alvarez"));

        JsonPath audit = given().auth()
                .oauth2(tokens.accessToken("auditor", "auditor-local"))
                .get("/api/v1/fsca-cases/{id}/audit", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String decided = "entries.find { it.type == 'FscaDecided' }";
        org.junit.jupiter.api.Assertions.assertEquals("ra", audit.getString(decided + ".who"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "Rosa Alvarez", audit.getString(decided + ".payload.signature.printedName"));
    }

    @Test
    void aSignInOlderThanTheWindowDoesNotSignAndTheRefusalIsKeptForAuditors() throws Exception {
        String caseId = openCase();
        String token = tokens.codeFlowToken("ra", "ra-local");
        Instant signedIn = Instant.now();
        await().atMost(window.plusSeconds(10))
                .until(() -> Instant.now().isAfter(signedIn.plus(window).plusSeconds(1)));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(UNSIGNED_DECISION)
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("21 CFR 11.200"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));

        given().auth()
                .oauth2(tokens.accessToken("auditor", "auditor-local"))
                .get("/api/v1/signature-failures")
                .then()
                .statusCode(200)
                .body("record", hasItem("POST /api/v1/fsca-cases/" + caseId + "/decision"))
                .body("find { it.record.contains('" + caseId + "') }.user", equalTo("ra"))
                .body("find { it.record.contains('" + caseId + "') }.meaning", equalTo("APPROVAL"));
        given().auth()
                .oauth2(tokens.accessToken("eng", "eng-local"))
                .get("/api/v1/signature-failures")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenWithoutASignInTimeSignsOnlyWithThePasswordReEntered() throws Exception {
        String caseId = openCase();
        String token = tokens.accessToken("ra", "ra-local"); // a password grant's: no auth_time
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(UNSIGNED_DECISION)
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(UNSIGNED_DECISION.replace("{\"meaning\"", "{\"password\":\"ra-local\",\"meaning\""))
                .post("/api/v1/fsca-cases/{id}/decision", caseId)
                .then()
                .statusCode(200)
                .body("signature.printedName", equalTo("Rosa Alvarez"));
    }

    /** A case opened by a triaged serious incident, once it is readable. */
    private String openCase() throws Exception {
        String problemId = UUID.randomUUID().toString();
        TriageEvents.publish(
                bootstrapServers,
                json,
                TriageEvents.seriousIncident(problemId, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(10)));
        String caseId = FscaCases.caseIdFor(problemId);
        String auditor = tokens.accessToken("auditor", "auditor-local");
        await().atMost(PATIENCE).untilAsserted(() -> given().auth()
                .oauth2(auditor)
                .get("/api/v1/fsca-cases/{id}", caseId)
                .then()
                .statusCode(200));
        return caseId;
    }
}
