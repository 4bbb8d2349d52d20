package org.fieldsafety.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Staff sign in at the real Keycloak of the test JVM: its bearer tokens are checked here (issuer,
 * signature, expiry) and their realm roles decide; the realm locks an account out after 5 failures and
 * keeps the failed sign-ins for auditors.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class StaffSignInTest {

    private static final String KEYS = "/api/v1/api-keys";

    private final TestTokens tokens = TestTokens.ofTestServers();

    @Test
    void aTokenOfTheRealmIsAcceptedAndItsRolesDecide() {
        given().auth()
                .oauth2(tokens.accessToken("admin", "admin-local"))
                .get(KEYS)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tokens.accessToken("eng", "eng-local"))
                .get(KEYS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void aTokenOfAnotherIssuerATamperedOneAndNoneAre401() {
        for (String token : List.of(
                tokens.otherIssuersToken(), TestTokens.tampered(tokens.accessToken("auditor", "auditor-local")))) {
            given().auth().oauth2(token).get(KEYS).then().statusCode(401).contentType("application/problem+json");
        }
        given().get(KEYS).then().statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        String token = tokens.accessToken(tokens.shortLivedClient(1), "admin", "admin-local");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> given().auth().oauth2(token).get(KEYS).then().statusCode(401));
    }

    @Test
    void basicChecksThePasswordAtTheIdentityProvider() {
        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .get(KEYS)
                .then()
                .statusCode(200);
        given().auth()
                .preemptive()
                .basic("admin", "not-the-password")
                .get(KEYS)
                .then()
                .statusCode(401);
    }

    @Test
    void fiveFailuresLockAnAccountOutAndAuditorsReadTheFailedSignIns() {
        String user = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = tokens.createUser(user, "right-password-1", List.of("auditor"));
        for (int failure = 0; failure < 5; failure++) {
            assertEquals(
                    401,
                    tokens.passwordGrant("fieldsafety", "fieldsafety-cli", user, "wrong-password")
                            .statusCode());
        }
        assertTrue(tokens.lockedOut(userId));
        assertEquals(
                401,
                tokens.passwordGrant("fieldsafety", "fieldsafety-cli", user, "right-password-1")
                        .statusCode(),
                "the right password does not help while the account is locked out");

        var failures = tokens.events(tokens.accessToken("auditor", "auditor-local"), "LOGIN_ERROR");
        assertEquals(200, failures.statusCode());
        assertTrue(failures.body().contains(userId), failures.body());
        assertFalse(
                tokens.events(tokens.accessToken("eng", "eng-local"), "LOGIN_ERROR")
                                .statusCode()
                        == 200,
                "only auditors (and Keycloak's administrators) read the sign-in events");
    }
}
