package org.fieldsafety.triage.whatif;

import static org.fieldsafety.triage.Flows.eventsUntil;
import static org.fieldsafety.triage.Flows.registeredProduct;
import static org.fieldsafety.triage.Flows.report;
import static org.fieldsafety.triage.Flows.staff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.triage.Flows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Replaying stored reports under a proposed policy or registry entry, touching nothing stored. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class WhatIfFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aProposedHazardSeverityOrPolicyShowsTheDecisionsItWouldChange() throws Exception {
        String productId = registeredProduct("WHAT-IF");
        FieldReportReceived report = report(productId);
        Flows.publish(bootstrap, json, report);
        eventsUntil(bootstrap, productId, "triaged-" + report.reportId(), 1);

        Map<?, ?> product = json.readValue(Flows.PRODUCT.replace("\"severity\": 1", "\"severity\": 5"), Map.class);
        staff("ra", "ra-local")
                .contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "product", product))
                .post("/api/v1/triage/what-if")
                .then()
                .statusCode(200)
                .body("evaluated", equalTo(1))
                .body("changes.reportId", contains(report.reportId()))
                .body("changes[0].before.riskRegion", equalTo("ACCEPTABLE"))
                .body("changes[0].before.seriousIncident", equalTo(false))
                .body("changes[0].before.fscaCandidate", equalTo(false))
                .body("changes[0].before.reportability", empty())
                .body("changes[0].after.severity", equalTo(5))
                .body("changes[0].after.riskRegion", equalTo("REVIEW"))
                .body("changes[0].after.seriousIncident", equalTo(true))
                .body("changes[0].after.fscaCandidate", equalTo(true))
                .body("changes[0].after.reportability.basis", contains("Art. 87(3)"));

        List<List<String>> allUnacceptable = Collections.nCopies(5, Collections.nCopies(5, "UNACCEPTABLE"));
        staff("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "policy", Map.of("matrix", allUnacceptable), "limit", 10))
                .post("/api/v1/triage/what-if")
                .then()
                .statusCode(200)
                .body("changes[0].after.riskRegion", equalTo("UNACCEPTABLE"))
                .body("changes[0].after.seriousIncident", equalTo(false))
                .body("changes[0].after.fscaCandidate", equalTo(true));

        staff("ra", "ra-local")
                .get("/api/v1/triage/{id}", report.reportId())
                .then()
                .statusCode(200)
                .body("riskRegion", equalTo("ACCEPTABLE"))
                .body("registryVersion", equalTo(1));
        staff("eng", "eng-local")
                .contentType(ContentType.JSON)
                .body(Map.of("productId", productId, "product", product))
                .post("/api/v1/triage/what-if")
                .then()
                .statusCode(403);
        staff("qa", "qa-local")
                .contentType(ContentType.JSON)
                .body(Map.of("productId", productId))
                .post("/api/v1/triage/what-if")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
