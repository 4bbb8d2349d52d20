package org.fieldsafety.fsca.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console signs staff in at Keycloak through the authorization code flow (PKCE) and keeps a session
 * cookie of its own; the API takes bearer tokens; the console's forms carry a CSRF token. Over plain HTTP,
 * so it runs without a browser.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class ConsoleSignInTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @Test
    void anAnonymousVisitorIsSentToTheIdentityProvidersSignInWithPkce() {
        given().redirects()
                .follow(false)
                .get("/console/cases/{id}", UUID.randomUUID())
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                startsWith(issuer + "/protocol/openid-connect/auth"),
                                containsString("client_id=fieldsafety-console"),
                                containsString("code_challenge_method=S256")));
    }

    @Test
    void theCookiesAreHttpOnlyAndKeptToTheConsole() {
        List<String> session = ConsoleSession.sessionCookies("ra", "ra-local");
        assertFalse(session.isEmpty());
        session.forEach(cookie -> {
            String attributes = cookie.substring(cookie.indexOf(';')).toLowerCase(Locale.ROOT);
            assertTrue(
                    attributes.contains("httponly")
                            && attributes.contains("path=/console")
                            && attributes.contains("samesite=lax"),
                    attributes);
        });
        Response queue = ConsoleSession.signIn("ra", "ra-local").get("/console");
        queue.then().statusCode(200).body(containsString("Rosa Alvarez"));
        String csrf = queue.getDetailedCookie("csrf-token").toString();
        assertTrue(csrf.contains("HttpOnly") && csrf.contains("Path=/console"), csrf);
    }

    @Test
    void theApiTakesTheIdentityProvidersTokens() {
        given().auth()
                .oauth2(TestTokens.ofTestServers().accessToken("ra", "ra-local"))
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
    void nothingFromTheQueryStringIsShownOnAPage() {
        String injected = "Your-session-expired-call-0800-EVIL";
        ConsoleSession.signIn("qa", "qa-local")
                .queryParam("problem", injected)
                .queryParam("error", injected)
                .get("/console")
                .then()
                .statusCode(200)
                .body(not(containsString(injected)));
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheIdentityProvider() {
        RequestSpecification qa = ConsoleSession.signIn("qa", "qa-local");
        String page = qa.get("/console").then().statusCode(200).extract().asString();
        String csrf = page.replaceFirst("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        Response signOut =
                qa.cookie("csrf-token", csrf).formParam("csrf-token", csrf).post("/console/logout");
        signOut.then().statusCode(302).header("Location", startsWith(issuer + "/protocol/openid-connect/logout"));
        List<String> cleared = signOut.headers().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(ConsoleSession.COOKIE))
                .toList();
        assertFalse(cleared.isEmpty());
        cleared.forEach(cookie -> assertTrue(cookie.contains("Max-Age=0"), cookie));
        given().get("/console/signed-out").then().statusCode(200).body(containsString("You are signed out"));
    }
}
