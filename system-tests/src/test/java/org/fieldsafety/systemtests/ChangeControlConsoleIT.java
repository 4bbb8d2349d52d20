package org.fieldsafety.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.infra.KeycloakServer;
import org.fieldsafety.infra.TestBrowser;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.Demo;
import org.fieldsafety.local.FieldReport;
import org.fieldsafety.local.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality and engineering in the console, through the packaged services and Debian's Chromium: engineering
 * opens a problem report, investigates it, raises and links a change request, analyses and implements it;
 * a step sent from a stale page is refused; the requester is refused the board's approval with the rule's
 * text and quality assurance signs it; quality
 * verifies, releases, communicates and closes the change, then verifies the resolution on the field evidence
 * and closes the report; the auditor sees every page without a form and the audit trails verified. Every
 * page visited passes axe-core's WCAG 2.1 AA rules and is saved as a screenshot at 1280 px, and each kind of
 * page again at 390 px. Change control runs with a no-recurrence window of {@value #WINDOW}.
 */
class ChangeControlConsoleIT {

    private static final String WINDOW = "PT2S";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private static TestSystem running;
    private static TestBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = TestBrowser.launch();
        running = TestSystem.start(
                "change-control-console",
                Map.of(Service.CHANGE_CONTROL, Map.of("change-control.no-recurrence-window", WINDOW)));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aProblemReportClosesThroughAReleasedChangeApprovedByASecondPersonAndTheAuditorReadsIt() throws Exception {
        // the requester must be a board member for the board's rule, not only the role check, to refuse them
        grantRealmRole("eng", "ccb-member");

        String reportPage;
        String changePage;
        try (Console eng = new Console("eng", "eng-local", 1280)) {
            eng.open("/console/problem-reports?status=OPEN", "problem-reports-to-investigate");
            eng.page.fill("#open-product", "infusion-pump");
            eng.page.fill("#open-item", "bolus-calculator");
            eng.page.fill("#open-version", "4.2.1");
            eng.page.fill("#open-description", "The bolus is miscalculated above 999 units");
            eng.page.selectOption("#open-criticality", "HIGH");
            eng.page.fill("#open-statement", "Can over-infuse: safety relevant");
            eng.submit("#open-problem-report", "problem-report-open");
            reportPage = eng.page.url();
            assertEquals("Open", eng.text("#status"));

            eng.page.fill("#investigation-cause", "Integer overflow in the bolus calculation");
            eng.page.check("#investigation-safety");
            eng.page.fill("#investigation-relevance", "Can over-infuse");
            eng.page.fill("#investigation-outcome", "Clamp the bolus");
            eng.submit("#record-investigation", "problem-report-investigated");
            assertEquals("Investigated", eng.text("#status"));

            eng.page.fill("#raise-title", "Clamp the bolus");
            eng.page.fill("#raise-reason", "Integer overflow in the bolus calculation");
            eng.submit("#raise-change-request", "change-request-raised");
            changePage = eng.page.url();
            String changeRequestId = changePage.substring(changePage.lastIndexOf('/') + 1);
            assertEquals("Raised", eng.text("#status"));
            assertTrue(
                    eng.page.locator("#change-request-path desc").textContent().contains("Raised: current state"));

            eng.page.navigate(reportPage);
            eng.page.fill("#link-ids", changeRequestId);
            eng.submit("#link-change-requests", "problem-report-linked");
            assertEquals("Change requested", eng.text("#status"));
            assertTrue(eng.page.locator("#linked-change-requests").textContent().contains("Raised"));
            Page stale = eng.context.newPage();
            stale.navigate(reportPage);
            eng.page.fill("#parties-who", "Clinical safety officer");
            eng.submit("#advise-parties", "problem-report-parties-advised");

            // a step sent from a page opened before the parties were advised is refused, and applies nothing
            stale.fill("#parties-who", "Field service");
            stale.click("#advise-parties");
            stale.waitForLoadState();
            String refusal = stale.locator("#problem").textContent();
            assertTrue(refusal.contains("Not saved.") && refusal.contains("read it again"), refusal);
            String advised = stale.locator("#parties-advised").textContent();
            assertTrue(advised.contains("Clinical safety officer") && !advised.contains("Field service"), advised);
            stale.close();

            eng.page.navigate(changePage);
            eng.page.fill("#impact-items", "bolus-calculator C");
            eng.page.fill("#impact-summary", "The bolus calculation only");
            eng.page.fill("#impact-tests", "bolus regression suite");
            eng.submit("#record-impact-analysis", "change-request-analysed");
            assertEquals("Impact analysed", eng.text("#status"));

            // the requester may not approve their own change (IEC 62304 8.2.1): refused with the rule's text
            eng.page.fill("#approval-password", "eng-local");
            eng.submit("#sign-approval", "change-request-approval-refused");
            assertTrue(eng.text("#problem").contains("Not saved."), eng.text("#problem"));
            assertTrue(eng.text("#problem").contains("IEC 62304"), eng.text("#problem"));
            assertEquals("Impact analysed", eng.text("#status"));
        }

        try (Console qa = new Console("qa", "qa-local", 1280)) {
            qa.open("/console/change-requests?status=IMPACT_ANALYSED", "change-requests-awaiting-approval");
            qa.page.navigate(changePage);
            TestBrowser.assertAccessible(qa.page);
            qa.page.fill("#approval-password", "qa-local");
            qa.submit("#sign-approval", "change-request-approved");
            assertEquals("Approved", qa.text("#status"));
            assertTrue(qa.text("#approval").contains("meaning: APPROVAL"), qa.text("#approval"));
        }

        try (Console eng = new Console("eng", "eng-local", 1280)) {
            eng.page.navigate(changePage);
            eng.page.fill("#implementation-version", "4.2.2");
            eng.page.fill("#implementation-commits", "3f9c2e1");
            eng.submit("#record-implementation", "change-request-implemented");
            assertEquals("Implemented", eng.text("#status"));
        }

        try (Console qa = new Console("qa", "qa-local", 1280)) {
            qa.page.navigate(changePage);
            assertTrue(qa.text("#verification-form legend").contains("safety class C"));
            qa.page.fill("#verification-results-0", "All 212 bolus tests passed");
            qa.page.fill("#verification-configuration-0", "Pump rig A");
            qa.page.fill("#verification-tools-0", "JUnit 5");
            qa.page.fill("#verification-date-0", LocalDate.now().toString());
            qa.page.fill("#verification-tester-0", "Tess Tester");
            qa.page.check("#verification-regression");
            qa.submit("#record-verification", "change-request-verified");
            assertEquals("Verified", qa.text("#status"));

            qa.submit("#record-release", "change-request-released");
            assertEquals("Released", qa.text("#status"));

            qa.page.fill("#communication-problem", "The bolus could be miscalculated above 999 units");
            qa.page.fill("#communication-risk", "Over-infusion");
            qa.page.fill("#communication-change", "Version 4.2.2");
            qa.page.fill("#communication-installation", "Over the air");
            qa.page.fill("#communication-users", "St. Mary's Hospital");
            qa.page.fill("#communication-regulators", "BfArM");
            qa.submit("#record-communication", "change-request-communicated");
            assertEquals("Communicated", qa.text("#status"));

            qa.page.fill("#change-closure-summary", "Fixed in 4.2.2");
            qa.submit("#close-change-request", "change-request-closed");
            assertEquals("Closed", qa.text("#status"));
            assertTrue(
                    qa.page.locator("#change-request-path desc").textContent().contains("Closed: current state"));

            qa.page.navigate(reportPage);
            // the fix must be seen by the report and have been in the field for the window: try until it has
            await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                qa.page.navigate(reportPage);
                qa.page.check("#resolution-resolved");
                qa.page.check("#resolution-trend");
                qa.page.check("#resolution-items");
                qa.page.check("#resolution-new");
                qa.page.click("#verify-resolution");
                qa.page.waitForLoadState();
                assertEquals("Resolution verified", qa.text("#status"));
            });
            qa.shot("problem-report-resolution-verified");
            assertTrue(qa.text("#no-recurrence").contains("4.2.2"));
            qa.submit("#close-problem-report", "problem-report-closed");
            assertEquals("Closed", qa.text("#status"));

            qa.open("/console/traceability", "traceability");
            assertTrue(qa.text("#traceability").contains("4.2.2"));
            Download csv = qa.page.waitForDownload(() -> qa.page.click("#traceability-csv"));
            String matrix = Files.readString(csv.path());
            assertTrue(matrix.contains("Clamp the bolus") && matrix.contains("4.2.2"), matrix);
        }

        try (Console auditor = new Console("auditor", "auditor-local", 1280)) {
            auditor.page.navigate(reportPage);
            auditor.check("auditor-problem-report");
            auditor.page.navigate(changePage);
            auditor.check("auditor-change-request");
            assertEquals(0, auditor.page.locator("main form").count(), "an auditor sees no form");
            auditor.page.click("#audit-link");
            auditor.check("auditor-change-request-audit");
            assertTrue(auditor.text("#verification").startsWith("Verified"), auditor.text("#verification"));
            auditor.page.navigate(reportPage);
            assertEquals(0, auditor.page.locator("main form").count(), "an auditor sees no form");
            auditor.page.click("#audit-link");
            auditor.check("auditor-problem-report-audit");
            assertTrue(auditor.text("#verification").startsWith("Verified"), auditor.text("#verification"));
        }

        try (Console narrow = new Console("auditor", "auditor-local", 390)) {
            for (Map.Entry<String, String> kind : Map.of(
                            "problem-reports",
                            "/console/problem-reports",
                            "problem-report",
                            URI.create(reportPage).getPath(),
                            "change-requests",
                            "/console/change-requests",
                            "change-request",
                            URI.create(changePage).getPath(),
                            "audit",
                            URI.create(changePage).getPath() + "/audit",
                            "traceability",
                            "/console/traceability")
                    .entrySet()) {
                narrow.open(kind.getValue(), "390-" + kind.getKey());
            }
        }
    }

    /**
     * A problem's page reads its reports per week from triage as the signed-in user: a minor fault without
     * harm reported through intake (what a trend counts, not a serious incident) shows in this week's bar and
     * row of its problem's chart.
     */
    @Test
    void qualityReadsAProblemsReportsPerWeekFromTriage() throws Exception {
        ApiClient api = new ApiClient();
        Map<String, String> admin = ApiClient.basic("admin", "admin-local");
        String triage = running.system().baseUrl(Service.TRIAGE);
        String intake = running.system().baseUrl(Service.INTAKE);
        Steps.product(api, triage, Demo.PRODUCT_ID);
        String key = Steps.apiKey(api, intake, "console");
        FieldReport example = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), PatientOutcome.NO_HARM);
        FieldReport report =
                example.withFault("event-log", "E-LOG-TRUNCATED", "The therapy history misses the last day");
        String reportId =
                Steps.fieldReport(api, intake, key, report).path("reportId").asText();
        String problemId = await().atMost(STEP_TIMEOUT)
                .until(
                        () -> {
                            ApiClient.Response triaged = api.get(triage + "/api/v1/triage/" + reportId, admin);
                            return triaged.status() == 200
                                    ? ApiClient.JSON
                                            .readTree(triaged.body())
                                            .path("problemId")
                                            .asText()
                                    : null;
                        },
                        problem -> problem != null && !problem.isEmpty());

        try (Console qa = new Console("qa", "qa-local", 1280)) {
            await().atMost(STEP_TIMEOUT).untilAsserted(() -> {
                qa.page.navigate(running.system().baseUrl(Service.FSCA) + "/console/problems/" + problemId);
                assertEquals(1, qa.page.locator("#trend-chart").count(), () -> qa.page.content());
                assertEquals(
                        "1",
                        qa.page
                                .locator("#weeks tbody tr")
                                .last()
                                .locator("td")
                                .nth(1)
                                .textContent()
                                .strip());
            });
            qa.check("problem-trend-chart");
        }
    }

    /** One person's browser window, signed in at Keycloak as a person does. */
    private static final class Console implements AutoCloseable {

        private final BrowserContext context;
        private final Page page;
        private final int width;

        Console(String user, String password, int width) {
            this.width = width;
            this.context = browser.context(width, 900);
            this.page = context.newPage();
            page.navigate(running.system().baseUrl(Service.FSCA) + "/console/problem-reports");
            page.fill("#username", user);
            page.fill("#password", password);
            page.click("#kc-login");
            assertTrue(page.locator("#user").isVisible());
        }

        /** Opens a console path, checks it and saves its screenshot. */
        void open(String path, String name) {
            page.navigate(running.system().baseUrl(Service.FSCA) + path);
            check(name);
        }

        /** Sends the form of {@code button}; the page it lands on has no refusal, is checked and saved. */
        void submit(String button, String name) {
            page.click(button);
            page.waitForLoadState();
            if (!name.endsWith("-refused")) {
                assertEquals(0, page.locator("#problem").count(), () -> name + ": " + text("#problem"));
            }
            check(name);
        }

        /** axe-core's WCAG 2.1 AA rules on the page as it is, and its screenshot. */
        void check(String name) {
            TestBrowser.assertAccessible(page);
            shot(name);
        }

        void shot(String name) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
        }

        String text(String selector) {
            return page.locator(selector)
                    .first()
                    .textContent()
                    .replaceAll("\\s+", " ")
                    .strip();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Gives a realm user a realm role through Keycloak's admin API (the master realm's local administrator). */
    private static void grantRealmRole(String username, String role) throws Exception {
        String keycloak = running.system().keycloakUrl();
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.ADMIN_USER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        JsonNode token = ApiClient.JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String bearer = "Bearer " + token.path("access_token").asText();
        String admin = keycloak + "/admin/realms/" + KeycloakServer.REALM;
        String userId = ApiClient.JSON
                .readTree(get(http, admin + "/users?exact=true&username=" + username, bearer))
                .get(0)
                .path("id")
                .asText();
        String roleJson = get(http, admin + "/roles/" + role, bearer);
        HttpResponse<String> granted = http.send(
                HttpRequest.newBuilder(URI.create(admin + "/users/" + userId + "/role-mappings/realm"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, granted.statusCode(), granted.body());
    }

    private static String get(HttpClient http, String url, String bearer) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", bearer)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(answer.body().isBlank());
        return answer.body();
    }
}
