package org.fieldsafety.triage;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Triage takes the tokens of the test JVM's Keycloak; their realm roles decide, a forged one is 401. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class StaffSignInTest {

    private final TestTokens tokens = TestTokens.ofTestServers();

    @Test
    void aTokenOfTheRealmIsAcceptedAndItsRolesDecide() {
        String engineer = tokens.accessToken("eng", "eng-local");
        given().auth().oauth2(engineer).get("/api/v1/risk-policy").then().statusCode(200);
        given().auth()
                .oauth2(engineer)
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenOfAnotherIssuerOrATamperedOneIs401() {
        given().auth()
                .oauth2(tokens.otherIssuersToken())
                .get("/api/v1/risk-policy")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.tampered(tokens.accessToken("eng", "eng-local")))
                .get("/api/v1/risk-policy")
                .then()
                .statusCode(401);
    }
}
