package org.fieldsafety.changecontrol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Change control takes the tokens of the test JVM's Keycloak and their realm roles; the change board's
 * signature is checked there too, and a refused one is kept for auditors.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "change_control"))
@Tag("flow")
class StaffSignInTest {

    private final TestTokens tokens = TestTokens.ofTestServers();

    @Test
    void aTokenOfTheRealmIsAcceptedAndItsRolesDecide() {
        given().auth()
                .oauth2(tokens.accessToken("auditor", "auditor-local"))
                .get("/api/v1/change-requests")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokens.accessToken("auditor", "auditor-local"))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"t","reason":"r","productId":"PUMP","softwareItems":["ui"]}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(tokens.otherIssuersToken())
                .get("/api/v1/change-requests")
                .then()
                .statusCode(401);
    }

    @Test
    void aRefusedApprovalIsKeptForAuditors() {
        String id = given().auth()
                .oauth2(tokens.accessToken("eng", "eng-local"))
                .contentType(ContentType.JSON)
                .body(
                        """
                        {"title":"Clamp bolus","reason":"Overflow","productId":"PUMP","softwareItems":["ui"]}""")
                .post("/api/v1/change-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(tokens.accessToken("qa", "qa-local"))
                .contentType(ContentType.JSON)
                .body("""
                        {"signature":{"password":"not-my-password","meaning":"APPROVAL"}}""")
                .post("/api/v1/change-requests/{id}/approval", id)
                .then()
                .statusCode(403)
                .body("detail", containsString("21 CFR 11.200"));
        given().auth()
                .oauth2(tokens.accessToken("auditor", "auditor-local"))
                .get("/api/v1/signature-failures")
                .then()
                .statusCode(200)
                .body("find { it.record.contains('" + id + "') }.user", equalTo("qa"));
    }
}
