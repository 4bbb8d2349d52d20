package org.fieldsafety.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.local.FieldReport;

/**
 * Generated malformed requests to intake's report endpoints: wrong types, missing and unknown fields,
 * huge strings, invalid UTF-8, injection strings in checked fields, malformed JSON, wrong content types,
 * bad credentials. Every answer must be a 4xx problem ({@code application/problem+json}), never a 5xx,
 * and nothing may reach Kafka.
 */
final class Malformed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STRING_FIELDS =
            List.of("source", "productId", "softwareVersion", "country", "patientOutcome", "occurredAt");
    private static final List<String> REQUIRED = List.of("source", "productId", "softwareVersion", "occurredAt");
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE triage_result; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "%00\u0000",
            "\" , \"role\": \"admin");

    /** One generated request. */
    record Request(
            String category, String path, String contentType, byte[] body, boolean validKey, String idempotencyKey) {}

    /** Per category: requests, answers by status, and those that broke the rule. */
    record Outcome(String category, int requests, Map<Integer, Integer> statuses, List<String> violations) {}

    private final Random random = new Random(42);
    private final ObjectNode valid;

    Malformed() {
        this.valid = JSON.valueToTree(FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                PatientOutcome.SERIOUS_INJURY));
    }

    /** {@code count} requests, the categories in turn. */
    List<Request> generate(int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(
                    switch (i % 10) {
                        case 0 -> wrongType();
                        case 1 -> missing();
                        case 2 -> unknownField(i);
                        case 3 -> huge(i);
                        case 4 -> invalidUtf8();
                        case 5 -> injection();
                        case 6 -> malformedJson();
                        case 7 -> wrongContentType();
                        case 8 -> badCredentials();
                        default -> badIdempotencyKey();
                    });
        }
        return requests;
    }

    private Request wrongType() {
        ObjectNode body = valid.deepCopy();
        String field = pick(STRING_FIELDS);
        switch (random.nextInt(3)) {
            case 0 -> body.putArray(field).add(1).add("two");
            case 1 -> body.putObject(field).put("nested", true);
            default -> body.put("attributes", "not an object");
        }
        return json("wrong type", body);
    }

    private Request missing() {
        ObjectNode body = valid.deepCopy();
        List<String> fields = new ArrayList<>(REQUIRED);
        Collections.shuffle(fields, random);
        fields.subList(0, 1 + random.nextInt(fields.size())).forEach(body::remove);
        return json("missing field", body);
    }

    private Request unknownField(int i) {
        ObjectNode body = valid.deepCopy();
        body.put("unknownField" + i, pick(INJECTIONS));
        return json("unknown field", body);
    }

    private Request huge(int i) {
        ObjectNode body = valid.deepCopy();
        if (i % 1000 == 3) {
            // beyond the 4 MB body limit: refused before it is read
            body.put("description", "x".repeat(5_000_000));
        } else {
            String field = pick(List.of("productId", "softwareVersion", "description", "deviceSerial", "faultCode"));
            body.put(field, "y".repeat(5_000 + random.nextInt(100_000)));
        }
        return json("huge string", body);
    }

    private Request invalidUtf8() {
        byte[] before = valid.deepCopy().put("description", "@@").toString().getBytes(StandardCharsets.UTF_8);
        String text = new String(before, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("@@");
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] body = new byte[before.length + 2];
        System.arraycopy(before, 0, body, 0, at);
        System.arraycopy(bad, 0, body, at, 4);
        System.arraycopy(before, at + 2, body, at + 4, before.length - at - 2);
        return new Request("invalid UTF-8", "", "application/json", body, true, null);
    }

    /** Injection strings where the contract checks the format, so that each must be refused. */
    private Request injection() {
        ObjectNode body = valid.deepCopy();
        String field = pick(List.of("source", "country", "patientOutcome", "occurredAt"));
        body.put(field, pick(INJECTIONS));
        return json("injection string", body);
    }

    private Request malformedJson() {
        String text = valid.toString();
        String broken =
                switch (random.nextInt(4)) {
                    case 0 -> text.substring(0, random.nextInt(text.length() - 1));
                    case 1 -> text.replaceFirst(":", "");
                    case 2 -> "[" + text;
                    default -> random.nextBoolean() ? "null" : "42";
                };
        return new Request("malformed JSON", "", "application/json", bytes(broken), true, null);
    }

    private Request wrongContentType() {
        String type = pick(List.of(
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", ""));
        String body = type.equals("application/xml") ? "<report><productId>X</productId></report>" : valid.toString();
        return new Request("wrong content type", "", type, bytes(body), true, null);
    }

    private Request badCredentials() {
        return new Request("bad credentials", "", "application/json", bytes(valid.toString()), false, null);
    }

    private Request badIdempotencyKey() {
        return new Request(
                "bad batch or key",
                random.nextBoolean() ? "/batch" : "",
                "application/json",
                bytes(random.nextBoolean() ? valid.toString() : "{\"reports\": []}"),
                true,
                "k".repeat(201) + pick(INJECTIONS).replaceAll("\\p{Cntrl}", ""));
    }

    /** The malformed report alone, or now and then inside a batch. */
    private Request json(String category, JsonNode report) {
        if (random.nextInt(10) == 0) {
            ObjectNode batch = JSON.createObjectNode();
            batch.putArray("reports").add(valid).add(report);
            return new Request(category, "/batch", "application/json", bytes(batch.toString()), true, null);
        }
        return new Request(category, "", "application/json", bytes(report.toString()), true, null);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the requests over {@link Load#CONNECTIONS} connections and sorts the answers by category. */
    static List<Outcome> send(String intakeUrl, String apiKey, List<Request> requests) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, List<String>> violations = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Load.CONNECTIONS);
        for (int t = 0; t < Load.CONNECTIONS; t++) {
            workers.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                    Request request = requests.get(i);
                    String violation;
                    int status;
                    try {
                        HttpResponse<String> response =
                                http.send(build(intakeUrl, apiKey, request), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        String type =
                                response.headers().firstValue("Content-Type").orElse("");
                        violation = status < 400 || status > 499
                                ? "HTTP " + status + " " + abbreviate(response.body())
                                : type.startsWith("application/problem+json")
                                        ? null
                                        : "HTTP " + status + " as '" + type + "'";
                    } catch (IOException e) {
                        status = -1;
                        violation = "connection: " + e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    synchronized (statuses) {
                        counts.merge(request.category(), 1, Integer::sum);
                        statuses.computeIfAbsent(request.category(), c -> new TreeMap<>())
                                .merge(status, 1, Integer::sum);
                        if (violation != null) {
                            violations
                                    .computeIfAbsent(request.category(), c -> new ArrayList<>())
                                    .add(violation);
                        }
                    }
                }
            });
        }
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        counts.forEach((category, count) -> outcomes.add(
                new Outcome(category, count, statuses.get(category), violations.getOrDefault(category, List.of()))));
        return outcomes;
    }

    private static HttpRequest build(String intakeUrl, String apiKey, Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(intakeUrl + "/api/v1/field-reports" + request.path()))
                .timeout(Duration.ofSeconds(30))
                .header("X-API-Key", request.validKey() ? apiKey : "fs_not-a-key-" + apiKey.length())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.idempotencyKey() != null) {
            builder.header("Idempotency-Key", request.idempotencyKey());
        }
        return builder.build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
