package org.fieldsafety.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.Demo;
import org.fieldsafety.local.LocalSystem;

/**
 * The steps of an end-to-end test against a running system: a call that must answer a status, a read
 * polled until the system caught up, and a named hop that logs how long it took and, when it fails,
 * where the services' logs are.
 */
final class Steps {

    private static final Map<String, String> ADMIN = ApiClient.basic("admin", "admin-local");

    private final ApiClient api = new ApiClient();
    private final String test;
    private final Duration timeout;
    private final Supplier<Path> logs;

    /** {@code logs} is asked only when a hop fails: the system may start after this is made. */
    Steps(String test, Duration timeout, Supplier<Path> logs) {
        this.test = test;
        this.timeout = timeout;
        this.logs = logs;
    }

    /** Polls until the URL answers 200 with JSON that satisfies {@code done}. */
    JsonNode awaitJson(String url, Map<String, String> who, Predicate<JsonNode> done) {
        return await(url)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            ApiClient.Response response = api.get(url, who);
                            return response.status() == 200 ? response.json() : null;
                        },
                        json -> json != null && done.test(json));
    }

    /** The response's JSON (null for an empty body) once its status is {@code status}. */
    static JsonNode expect(int status, ApiClient.Response response) {
        assertEquals(status, response.status(), response.body());
        return response.body().isEmpty() ? null : response.json();
    }

    /** A new API key of intake's for {@code client}, made by the administrator. */
    static String apiKey(ApiClient api, String intake, String client) {
        return expect(201, api.send("POST", intake + "/api/v1/api-keys", ADMIN, Map.of("client", client)))
                .path("key")
                .asText();
    }

    /** {@code productId} registered on triage by the administrator, with the demo product's data: triage's answer. */
    static JsonNode product(ApiClient api, String triage, String productId) {
        return expect(200, api.send("PUT", triage + "/api/v1/products/" + productId, ADMIN, Demo.PRODUCT));
    }

    /** A field report sent to intake with API key {@code key} and an idempotency key of its own: intake's 202 answer. */
    static JsonNode fieldReport(ApiClient api, String intake, String key, Object report) {
        return fieldReport(api, intake, key, report, Map.of());
    }

    /** As {@link #fieldReport(ApiClient, String, String, Object)}, with {@code headers} besides. */
    static JsonNode fieldReport(ApiClient api, String intake, String key, Object report, Map<String, String> headers) {
        Map<String, String> sent = new HashMap<>(headers);
        sent.put("X-API-Key", key);
        sent.put("Idempotency-Key", UUID.randomUUID().toString());
        return expect(202, api.send("POST", intake + "/api/v1/field-reports", sent, report));
    }

    <T> T hop(String name, Callable<T> step) {
        Instant started = Instant.now();
        try {
            T result = step.call();
            LocalSystem.log(test + ": hop " + name + " took " + LocalSystem.seconds(started));
            return result;
        } catch (Exception | AssertionError e) {
            throw new AssertionError(
                    "hop " + name + " failed after " + LocalSystem.seconds(started) + " (" + e + "); service logs in "
                            + logs.get(),
                    e);
        }
    }
}
