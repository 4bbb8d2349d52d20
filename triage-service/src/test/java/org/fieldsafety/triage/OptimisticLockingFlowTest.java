package org.fieldsafety.triage;

import static org.fieldsafety.triage.Flows.staff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Versioned registry and policy: If-Match gives 412 when stale, concurrent changes 409, never 500. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class OptimisticLockingFlowTest {

    @Test
    void concurrentChangesOfAProductEachGetAVersionOrA409() {
        String productId = "RACE-" + UUID.randomUUID();
        List<Response> responses = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> putProduct(productId, null)))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        List<Integer> versions = responses.stream()
                .filter(r -> r.statusCode() == 200)
                .map(r -> r.jsonPath().getInt("version"))
                .sorted()
                .toList();
        responses.stream().filter(r -> r.statusCode() != 200).forEach(r -> {
            assertEquals(409, r.statusCode(), r.asString());
            assertEquals("application/problem+json", r.contentType());
        });
        assertEquals(IntStream.rangeClosed(1, versions.size()).boxed().toList(), versions, "no version twice");
    }

    @Test
    void aChangeBasedOnAStaleVersionIs412() {
        String productId = "IF-MATCH-" + UUID.randomUUID();
        assertEquals(412, putProduct(productId, "\"1\"").statusCode(), "nothing to match yet");
        assertEquals(200, putProduct(productId, null).statusCode());
        assertEquals(200, putProduct(productId, "\"1\"").statusCode());
        Response stale = putProduct(productId, "\"1\"");
        assertEquals(412, stale.statusCode());
        assertTrue(stale.contentType().startsWith("application/problem+json"));

        Map<?, ?> policy = staff("qa", "qa-local")
                .get("/api/v1/risk-policy")
                .then()
                .extract()
                .as(Map.class);
        int version = (Integer) policy.get("version");
        staff("qa", "qa-local")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + (version - 1) + "\"")
                .body(Map.of("matrix", policy.get("matrix")))
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(412);
        staff("qa", "qa-local")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("matrix", policy.get("matrix")))
                .put("/api/v1/risk-policy")
                .then()
                .statusCode(200)
                .body("version", equalTo(version + 1));
    }

    private static Response putProduct(String productId, String ifMatch) {
        var request = staff("qa", "qa-local").contentType(ContentType.JSON).body(Flows.PRODUCT);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/products/{id}", productId);
    }
}
