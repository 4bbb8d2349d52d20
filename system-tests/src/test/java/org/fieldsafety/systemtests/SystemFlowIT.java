package org.fieldsafety.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.fieldsafety.contracts.FieldLengths;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.FieldReport;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The black-box path of a serious software incident through the running system: intake accepts a field
 * report, triage classifies it, fsca opens a case, regulatory affairs decides an FSCA, and change control
 * receives the change request, the case closes and a later death of the same problem opens a new case
 * linked to it; and of a burst of harmless reports, which reaches fsca as one trend signal (MDR Art. 88)
 * rather than as incidents; and of a report whose fields are as long as intake takes, which every service
 * after it stores. Every hop must work, in the local profile, against real Kafka and
 * PostgreSQL.
 */
class SystemFlowIT {

    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> RA = ApiClient.basic("ra", "ra-local");
    private static final Map<String, String> ENG = ApiClient.basic("eng", "eng-local");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static TraceCollector traces;
    private static TestSystem test;
    private static LocalSystem system;
    private final ApiClient api = new ApiClient();
    private final Steps steps = new Steps("e2e", HOP_TIMEOUT, () -> test.logs());

    /** The system, every service exporting its traces over OTLP/HTTP to {@link #traces}. */
    @BeforeAll
    static void startSystem() throws IOException {
        traces = new TraceCollector();
        Map<String, String> exported = Map.of(
                "fieldsafety.traces.endpoint", traces.endpoint(),
                "quarkus.otel.exporter.otlp.endpoint", traces.endpoint(),
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf");
        Map<Service, Map<String, String>> settings = new EnumMap<>(Service.class);
        EnumSet.allOf(Service.class).forEach(service -> settings.put(service, exported));
        test = TestSystem.start("e2e", settings);
        system = test.system();
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (test != null) {
            test.close();
        }
        traces.close();
    }

    /**
     * A device that sends a W3C {@code traceparent} with its report finds that one trace in the collector with
     * spans of every service: intake's request and record, triage's result, fsca's case event through its
     * outbox and change control's problem report.
     */
    @Test
    void oneReportsTraceShowsEveryService() {
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String changeControl = system.baseUrl(Service.CHANGE_CONTROL);
        String productId = "TRACED-PUMP-" + UUID.randomUUID().toString().substring(0, 8);
        steps.hop("1 product", () -> Steps.product(api, triage, productId));
        String key = steps.hop("2 API key", () -> Steps.apiKey(api, intake, "e2e-traced"));
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        FieldReport report = FieldReport.example(
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                        PatientOutcome.SERIOUS_INJURY)
                .withProduct(productId);
        String reportId = steps.hop(
                        "3 field report with a trace",
                        () -> Steps.fieldReport(api, intake, key, report, Map.of("traceparent", traceparent)))
                .path("reportId")
                .asText();
        String problemId = steps.hop(
                        "4 triage",
                        () -> steps.awaitJson(triage + "/api/v1/triage/" + reportId, RA, json -> json.has("problemId")))
                .path("problemId")
                .asText();
        steps.hop(
                "5 problem report",
                () -> steps.awaitJson(
                        changeControl + "/api/v1/problem-reports?problemId=" + problemId,
                        ENG,
                        json -> json.size() > 0));

        // each hop of the report as a span: the request, every record sent and received, fsca's outbox
        Set<String> hops = Set.of(
                "intake-service POST /api/v1/field-reports",
                "intake-service " + Topics.REPORTS + " publish",
                "triage-service " + Topics.REPORTS + " receive",
                "triage-service " + Topics.TRIAGE + " publish",
                "fsca-service " + Topics.TRIAGE + " receive",
                "fsca-service " + Topics.FSCA + " publish",
                "change-control-service " + Topics.TRIAGE + " receive",
                "change-control-service " + Topics.FSCA + " receive");
        steps.hop("6 trace", () -> {
            await().atMost(HOP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> hops(traces.trace(traceId)), received -> received.containsAll(hops));
            return null;
        });
    }

    private static Set<String> hops(List<TraceCollector.Span> spans) {
        return spans.stream().map(span -> span.service() + " " + span.name()).collect(Collectors.toSet());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void aSeriousIncidentTravelsFromIntakeToAChangeRequest() {
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String fsca = system.baseUrl(Service.FSCA);
        String changeControl = system.baseUrl(Service.CHANGE_CONTROL);

        String key = steps.hop("1 API key", () -> Steps.apiKey(api, intake, "e2e"));

        FieldReport report = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                PatientOutcome.SERIOUS_INJURY);
        String reportId = steps.hop("2 field report", () -> Steps.fieldReport(api, intake, key, report))
                .path("reportId")
                .asText();

        JsonNode triaged = steps.hop(
                "3 triage",
                () -> steps.awaitJson(triage + "/api/v1/triage/" + reportId, RA, json -> json.has("reportId")));
        assertTrue(triaged.path("fscaCandidate").asBoolean(), triaged.toString());
        assertTrue(triaged.path("seriousIncident").asBoolean(), triaged.toString());
        assertTrue(
                StreamSupport.stream(triaged.path("reportability").spliterator(), false)
                        .anyMatch(entry -> entry.path("regime").asText().equals("EU_MDR")),
                triaged.toString());
        String problemId = triaged.path("problemId").asText();

        JsonNode cases = steps.hop(
                "4 fsca case",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemId,
                        RA,
                        json -> json.size() > 0 && json.get(0).path("incidents").size() > 0));
        assertEquals(1, cases.size(), cases.toString());
        String caseId = cases.get(0).path("caseId").asText();
        assertEquals(
                reportId,
                cases.get(0).path("incidents").path(0).path("reportId").asText(),
                cases.toString());

        Map<String, Object> decision = Map.of(
                "decision", "FSCA_REQUIRED",
                "rationale", "Dose calculation overflow can over-infuse",
                "action", "SOFTWARE_UPDATE",
                "signature", Map.of("password", "ra-local", "meaning", "APPROVAL"));
        // regulatory affairs signs with a token from Keycloak, as the README's curl does
        Map<String, String> raToken = api.bearer(system.issuerUrl(), "ra", "ra-local");
        JsonNode decided = steps.hop(
                "5 decision",
                () -> Steps.expect(
                        200, api.send("POST", fsca + "/api/v1/fsca-cases/" + caseId + "/decision", raToken, decision)));
        assertEquals(
                "Rosa Alvarez", decided.path("signature").path("printedName").asText(), decided.toString());

        JsonNode changeRequests = steps.hop(
                "6 change request",
                () -> steps.awaitJson(
                        changeControl + "/api/v1/change-requests?fscaCaseId=" + caseId, ENG, json -> json.size() > 0));
        assertEquals(1, changeRequests.size(), changeRequests.toString());
        assertEquals(caseId, changeRequests.get(0).path("fscaCaseId").asText(), changeRequests.toString());

        steps.hop("7 closure", () -> {
            close(fsca, caseId, raToken);
            return steps.awaitJson(fsca + "/api/v1/fsca-cases/" + caseId, RA, json -> json.path("status")
                    .asText()
                    .equals("CLOSED"));
        });

        // a death of the same problem after the case closed: a new case opens, linked, with its clock running
        FieldReport death = FieldReport.example(
                Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), PatientOutcome.DEATH);
        String deathId =
                Steps.fieldReport(api, intake, key, death).path("reportId").asText();
        JsonNode afterClosure = steps.hop(
                "8 death after closure",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemId,
                        RA,
                        json -> json.size() == 2
                                && caseWith(json, "previousCaseId", caseId)
                                                .path("incidents")
                                                .size()
                                        > 0));
        JsonNode next = caseWith(afterClosure, "previousCaseId", caseId);
        assertEquals(caseId, next.path("previousCaseId").asText(), afterClosure.toString());
        assertEquals("OPEN", next.path("status").asText(), afterClosure.toString());
        assertEquals(deathId, next.path("incidents").path(0).path("reportId").asText(), afterClosure.toString());
        assertEquals(
                "OPEN",
                next.path("incidents")
                        .path(0)
                        .path("clocks")
                        .path(0)
                        .path("state")
                        .asText(),
                afterClosure.toString());
        assertEquals(
                1, caseWith(afterClosure, "caseId", caseId).path("incidents").size(), afterClosure.toString());
    }

    /** The case of {@code cases} whose {@code field} is {@code value}; a missing node when there is none. */
    private static JsonNode caseWith(JsonNode cases, String field, String value) {
        for (JsonNode fscaCase : cases) {
            if (value.equals(fscaCase.path(field).asText())) {
                return fscaCase;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * Regulatory affairs takes the FSCA to its signed closure: every clock signed not reportable, every
     * authority concerned notified with the draft notice, the notice issued, the action found effective.
     */
    private void close(String fsca, String caseId, Map<String, String> raToken) {
        String url = fsca + "/api/v1/fsca-cases/" + caseId;
        // the read model follows the store a moment later: the clocks the decision changed come with it
        JsonNode fscaCase = steps.awaitJson(
                url,
                raToken,
                json -> !json.path("decision").path("decision").asText().isEmpty());
        Map<String, Object> notReportable = Map.of(
                "decision", "NOT_REPORTABLE",
                "rationale", "Investigation found no device involvement",
                "signature", Map.of("password", "ra-local", "meaning", "APPROVAL"));
        for (JsonNode incident : fscaCase.path("incidents")) {
            for (JsonNode clock : incident.path("clocks")) {
                Map<String, Object> body = new java.util.HashMap<>(notReportable);
                body.put("regime", clock.path("regime").asText());
                Steps.expect(
                        200,
                        api.send(
                                "POST",
                                url + "/incidents/" + incident.path("reportId").asText() + "/reportability",
                                raToken,
                                body));
            }
        }
        for (JsonNode authority : fscaCase.path("authorities")) {
            String country = authority.path("country").asText();
            Steps.expect(
                    204,
                    api.send(
                            "POST",
                            url + "/authority-notification",
                            raToken,
                            Map.of(
                                    "country",
                                    country,
                                    "competentAuthority",
                                    "CA " + country,
                                    "reference",
                                    "FSCA-" + country,
                                    "draftNoticeSent",
                                    true)));
        }
        Steps.expect(
                200,
                api.send(
                        "POST",
                        url + "/field-safety-notice",
                        raToken,
                        Map.of(
                                "recipients", List.of("clinic-a"),
                                "contact", "vigilance@example.org",
                                "signature", Map.of("password", "ra-local", "meaning", "AUTHORSHIP"))));
        Steps.expect(
                204,
                api.send(
                        "POST",
                        url + "/effectiveness-check",
                        raToken,
                        Map.of("outcome", "PASSED", "rationale", "All pumps on 4.2.2")));
        // the case's own 806.10 clock, which the notice started, once the read model has the effectiveness check
        JsonNode correction = steps.awaitJson(
                        url, raToken, json -> json.path("status").asText().equals("EFFECTIVENESS_VERIFIED"))
                .path("correctionClock");
        if (correction.isObject()) {
            Map<String, Object> body = new java.util.HashMap<>(notReportable);
            body.put("regime", correction.path("regime").asText());
            Steps.expect(200, api.send("POST", url + "/reportability", raToken, body));
        }
        Steps.expect(
                200,
                api.send(
                        "POST",
                        url + "/closure",
                        raToken,
                        Map.of(
                                "rationale",
                                "Update installed",
                                "signature",
                                Map.of("password", "ra-local", "meaning", "APPROVAL"))));
    }

    /**
     * A customer complaint of a death that names no software version, fault code or time (ISO 13485 8.2.2,
     * 21 CFR 820.198), logged by the complaint unit two days before it was posted: triage judges what is
     * missing at its worst case, says so, and the unanticipated death's 10-day clock (MDR Art. 87(5)) runs
     * from the earlier awareness on the problem's FSCA case.
     */
    @Test
    void anIncompleteComplaintOfADeathStartsItsClocksFromTheEarlierAwareness() {
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String fsca = system.baseUrl(Service.FSCA);
        String key = steps.hop("1 API key", () -> Steps.apiKey(api, intake, "complaints"));

        Instant aware = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> complaint = Map.of(
                "source", "CUSTOMER_COMPLAINT",
                "productId", "INSULIN-PUMP-X",
                "country", "DE",
                "patientOutcome", "DEATH",
                "description", "The patient died; the caller could not say which software the pump ran",
                "awareAt", aware.toString());
        String reportId = steps.hop(
                        "2 complaint",
                        () -> Steps.expect(
                                202,
                                api.send(
                                        "POST", intake + "/api/v1/field-reports", Map.of("X-API-Key", key), complaint)))
                .path("reportId")
                .asText();

        JsonNode triaged = steps.hop(
                "3 triage",
                () -> steps.awaitJson(triage + "/api/v1/triage/" + reportId, RA, json -> json.has("reportId")));
        assertTrue(triaged.path("seriousIncident").asBoolean(), triaged.toString());
        assertEquals(
                "UNANTICIPATED", triaged.path("seriousness").path("finding").asText(), triaged.toString());
        assertEquals(
                List.of("softwareVersion", "softwareItem", "faultCode", "occurredAt"),
                StreamSupport.stream(triaged.path("missing").spliterator(), false)
                        .map(JsonNode::asText)
                        .toList(),
                triaged.toString());
        assertEquals(aware, Instant.parse(triaged.path("awareAt").asText()), triaged.toString());
        JsonNode euMdr = StreamSupport.stream(triaged.path("reportability").spliterator(), false)
                .filter(entry -> entry.path("regime").asText().equals("EU_MDR"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(triaged.toString()));
        assertEquals("Art. 87(5)", euMdr.path("basis").asText(), triaged.toString());
        assertEquals(
                aware.plus(10, ChronoUnit.DAYS),
                Instant.parse(euMdr.path("deadline").asText()));

        String problemId = triaged.path("problemId").asText();
        JsonNode cases = steps.hop(
                "4 fsca case",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemId,
                        RA,
                        json -> json.size() > 0 && json.get(0).path("incidents").size() > 0));
        assertEquals(
                aware.plus(10, ChronoUnit.DAYS),
                Instant.parse(cases.get(0).path("nearestDeadline").asText()),
                cases.toString());
    }

    /**
     * Each service stores what intake accepted ({@link FieldLengths}): a 64-character software version (one
     * of 51 to 64 characters once stopped change control's problem report projection for good), a
     * 4,000-character description, a 255-character device serial and a 100-character product id.
     */
    @Test
    void aReportWithTheLongestFieldsIntakeTakesReachesEveryService() {
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String fsca = system.baseUrl(Service.FSCA);
        String changeControl = system.baseUrl(Service.CHANGE_CONTROL);
        String key = steps.hop("1 API key", () -> Steps.apiKey(api, intake, "e2e-long"));
        FieldReport example = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                PatientOutcome.SERIOUS_INJURY);
        String productId = ("LONG-PUMP-" + UUID.randomUUID() + "-").repeat(3).substring(0, FieldLengths.PRODUCT_ID);
        String softwareVersion = "4.2.1-build." + "7".repeat(FieldLengths.SOFTWARE_VERSION - 12);
        FieldReport longest = new FieldReport(
                example.source(),
                productId,
                example.udiDi(),
                "SN-" + "9".repeat(FieldLengths.DEVICE_SERIAL - 3),
                softwareVersion,
                example.softwareItem(),
                example.faultCode(),
                example.occurredAt(),
                example.country(),
                example.patientOutcome(),
                "Bolus computed 10x the requested amount. ".repeat(100).substring(0, FieldLengths.DESCRIPTION),
                example.reporter(),
                example.attributes());
        String reportId = steps.hop("2 field report", () -> Steps.fieldReport(api, intake, key, longest))
                .path("reportId")
                .asText();

        JsonNode triaged = steps.hop(
                "3 triage",
                () -> steps.awaitJson(triage + "/api/v1/triage/" + reportId, RA, json -> json.has("reportId")));
        assertEquals(productId, triaged.path("productId").asText(), triaged.toString());
        assertEquals(softwareVersion, triaged.path("softwareVersion").asText(), triaged.toString());
        String problemId = triaged.path("problemId").asText();

        JsonNode cases = steps.hop(
                "4 fsca case",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemId,
                        RA,
                        json -> json.size() > 0 && json.get(0).path("incidents").size() > 0));
        assertEquals(productId, cases.get(0).path("productId").asText(), cases.toString());
        assertEquals(
                reportId,
                cases.get(0).path("incidents").path(0).path("reportId").asText(),
                cases.toString());
        assertEquals(
                softwareVersion,
                cases.get(0).path("incidents").path(0).path("softwareVersion").asText(),
                cases.toString());

        JsonNode problemReports = steps.hop(
                "5 problem report",
                () -> steps.awaitJson(
                        changeControl + "/api/v1/problem-reports?problemId=" + problemId,
                        ENG,
                        json -> json.size() > 0));
        assertEquals(productId, problemReports.get(0).path("productId").asText(), problemReports.toString());
        assertEquals(
                softwareVersion, problemReports.get(0).path("softwareVersion").asText(), problemReports.toString());
    }

    @Test
    void aBurstOfHarmlessReportsReachesFscaAsOneTrendSignal() {
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String fsca = system.baseUrl(Service.FSCA);
        String productId = "TREND-PUMP-" + UUID.randomUUID().toString().substring(0, 8);

        steps.hop("1 product", () -> Steps.product(api, triage, productId));
        String key = steps.hop("2 API key", () -> Steps.apiKey(api, intake, "e2e-trend"));
        FieldReport harmless = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), PatientOutcome.NONE);
        FieldReport truncatedLog =
                harmless.withProduct(productId).withFault("event-log", "E-LOG-TRUNCATED", "Event log cut short");
        String lastReportId = null;
        for (int i = 1; i <= 6; i++) { // 6 in a day where 0.7 a week are expected: significant at 0.01
            lastReportId = steps.hop("3 field report " + i, () -> Steps.fieldReport(api, intake, key, truncatedLog))
                    .path("reportId")
                    .asText();
        }
        String lastUrl = triage + "/api/v1/triage/" + lastReportId;
        JsonNode last = steps.hop(
                "4 triage in a trend",
                () -> steps.awaitJson(
                        lastUrl, RA, json -> json.path("trendSignal").asBoolean()));
        assertFalse(last.path("fscaCandidate").asBoolean(), last.toString());
        String problemId = last.path("problemId").asText();

        JsonNode cases = steps.hop(
                "5 fsca case with the trend",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemId,
                        RA,
                        json -> json.size() > 0
                                && json.get(0).path("trendSignals").size() > 0));
        assertEquals(1, cases.size(), cases.toString());
        assertEquals(1, cases.get(0).path("trendSignals").size(), cases.toString());
        assertEquals(0, cases.get(0).path("incidents").size(), cases.toString());
        assertEquals(
                "event-log",
                cases.get(0).path("trendSignals").path(0).path("softwareItem").asText());
    }
}
