package org.fieldsafety.fsca.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console signs staff in through its login page and a session cookie and protects its forms with a
 * CSRF token; the API keeps HTTP Basic. Over plain HTTP, so it runs without a browser.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class ConsoleSignInTest {

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageAndAWrongPasswordBackToIt() {
        given().redirects()
                .follow(false)
                .get("/console/cases/{id}", UUID.randomUUID())
                .then()
                .statusCode(302)
                .header("Location", endsWith("/console/login"));
        given().get("/console/login").then().statusCode(200).body(containsString("name=\"j_username\""));
        given().redirects()
                .follow(false)
                .formParam("j_username", "ra")
                .formParam("j_password", "not-my-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/console/login?error=true"));
    }

    @Test
    void theConsoleSignsInOnlyThroughItsPageAndTheApiOnlyWithBasic() {
        given().redirects()
                .follow(false)
                .auth()
                .preemptive()
                .basic("ra", "ra-local")
                .get("/console")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/console/login"));
        ConsoleSession.signIn("ra", "ra-local")
                .get("/api/v1/fsca-cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .get("/api/v1/fsca-cases")
                .then()
                .statusCode(200);
    }

    @Test
    void everyStaffRoleMayLookButOnlyRegulatoryAffairsDecides() {
        RequestSpecification auditor = ConsoleSession.signIn("auditor", "auditor-local");
        String csrf = auditor.get("/console").then().statusCode(200).extract().cookie("csrf-token");
        auditor.cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf)
                .formParam("decision", "NO_FSCA")
                .formParam("rationale", "r")
                .formParam("password", "auditor-local")
                .formParam("meaning", "APPROVAL")
                .post("/console/cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRejectedWithAProblem() {
        RequestSpecification ra = ConsoleSession.signIn("ra", "ra-local");
        String csrf = ra.get("/console").then().statusCode(200).extract().cookie("csrf-token");
        ra.cookie("csrf-token", csrf)
                .formParam("decision", "NO_FSCA")
                .formParam("rationale", "Not a safety issue")
                .formParam("password", "ra-local")
                .formParam("meaning", "APPROVAL")
                .post("/console/cases/{id}/decision", UUID.randomUUID())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/csrf-rejected"))
                .body("status", equalTo(400));
    }

    @Test
    void signingOutEndsTheSession() {
        RequestSpecification qa = ConsoleSession.signIn("qa", "qa-local");
        String page = qa.get("/console").then().statusCode(200).extract().asString();
        String csrf = page.replaceFirst("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        qa.cookie("csrf-token", csrf)
                .formParam("csrf-token", csrf)
                .post("/console/logout")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/login?signedOut=true"))
                .cookie(ConsoleSession.COOKIE, equalTo(""));
    }
}
