package org.fieldsafety.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Readiness covers Kafka and the database; the report counters are exported for Prometheus. Health, metrics
 * and the OpenAPI document are on the management port only, and the API port denies every path it does
 * not list.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class OperationsTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int management;

    @Test
    void managementEndpointsAreOnTheManagementPortOnly() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().port(management).get(path).then().statusCode(200);
            given().get(path).then().statusCode(org.hamcrest.Matchers.not(200));
        }
    }

    @Test
    void aPathTheServiceDoesNotListIsDenied() {
        given().get("/").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("admin", "admin-local")
                .get("/anything-else")
                .then()
                .statusCode(403);
    }

    @Test
    void theOpenApiDocumentShowsAnExampleReport() {
        given().port(management)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.FieldReportRequest.properties.faultCode.examples[0]",
                        equalTo("E-DOSE-CALC-OVERFLOW"))
                .body(
                        "components.schemas.FieldReportRequest.properties.source.enum",
                        org.hamcrest.Matchers.hasItem("PMS"));
    }

    @Test
    void readinessIncludesKafkaAndTheDatabase() {
        given().port(management)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        hasItems("Kafka connection health check", "Reactive PostgreSQL connections health check"));
    }

    @Test
    void rejectedAndAcceptedReportsAreCounted() {
        String key = IntakeTestSupport.createKey("metrics-fleet", null).get("key");
        given().header("X-API-Key", key)
                .contentType(ContentType.JSON)
                .body(IntakeTestSupport.report("country", "XX"))
                .post("/api/v1/field-reports")
                .then()
                .statusCode(400);
        given().port(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("intake_reports_rejected_total{reason=\"validation\"}"));
    }
}
