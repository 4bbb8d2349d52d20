package org.fieldsafety.intake.apikey.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.intake.IntakeTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class ApiKeyResourceTest {

    private static int report(String key) {
        return given().header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report())
                .post("/api/v1/field-reports")
                .statusCode();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        Map<String, String> created = IntakeTestSupport.createKey("app-fleet", null);
        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200)
                .body("id", hasItem(created.get("id")))
                .body("key", not(hasItem(created.get("key"))))
                .body("keyHash", not(hasItem(notNullValue())));
        assertEquals(202, report(created.get("key")));

        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .delete("/api/v1/api-keys/" + created.get("id"))
                .then()
                .statusCode(204);

        assertEquals(401, report(created.get("key")));
    }

    @Test
    void aKeyRevokedByAnotherNodeIsRefusedWithinASecond() throws Exception {
        Map<String, String> created = IntakeTestSupport.createKey("other-node-fleet", null);
        assertEquals(202, report(created.get("key")));
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement revoke = db.prepareStatement("update api_key set revoked_at = now() where id = ?")) {
            revoke.setObject(1, UUID.fromString(created.get("id")));
            assertEquals(1, revoke.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> report(created.get("key")) == 401);
    }

    @Test
    void onlyAdminsManageKeys() {
        given().auth()
                .preemptive()
                .basic("ra", "ra-local")
                .contentType(ContentType.JSON)
                .body(Map.of("client", "x"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String deviceKey = IntakeTestSupport.createKey("device", List.of()).get("key");
        given().header("X-API-Key", deviceKey).get("/api/v1/api-keys").then().statusCode(403);
        given().get("/api/v1/api-keys").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-local")
                .get("/api/v1/api-keys")
                .then()
                .statusCode(200);
    }

    @Test
    void aKeyNeedsAClientAndAPositiveRateLimit() {
        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .contentType(ContentType.JSON)
                .body(Map.of("products", List.of("P")))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("client"));
        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .contentType(ContentType.JSON)
                .body(Map.of("client", "x", "rateLimit", Map.of("reportsPerSecond", 0, "burst", 0)))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("rateLimit.reportsPerSecond", "rateLimit.burst"));
    }
}
