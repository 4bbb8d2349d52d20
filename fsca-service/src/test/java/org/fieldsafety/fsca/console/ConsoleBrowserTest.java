package org.fieldsafety.fsca.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.fsca.ChangeControlEvents;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regulatory affairs signs in at Keycloak (the console's authorization code flow), decides a case and
 * follows its change request in a real headless Chromium, as a person would.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class ConsoleBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Map<String, String> NO_DOWNLOADS = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private static Playwright playwright;
    private static Browser browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/console")
    URL console;

    private BrowserContext context;
    private Page page;

    /**
     * Debian's Chromium, which .ci/run installs; CI also sets FIELDSAFETY_BROWSER_TESTS=required so that
     * this test can never be skipped there. A developer machine without it skips with this message.
     */
    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            assertNotEquals(
                    "required",
                    System.getenv("FIELDSAFETY_BROWSER_TESTS"),
                    "the console's browser test is required here, but " + CHROMIUM + " is missing");
            assumeTrue(false, "no " + CHROMIUM + " (apt-get install chromium chromium-driver): browser test skipped");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(NO_DOWNLOADS));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void shutDown() {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowser() {
        context.close();
    }

    @Test
    void regulatoryAffairsDecidesTheMostUrgentCaseAndSeesItSigned() throws Exception {
        Instant now = Instant.now();
        String urgent = openCase(now.minus(Duration.ofDays(3)), Duration.ofDays(2)); // overdue by a day
        String later = openCase(now.minus(Duration.ofHours(1)), Duration.ofDays(5));

        page.navigate(console.toString());
        assertTrue(page.url().startsWith(issuer + "/protocol/openid-connect/auth"), page.url());
        page.fill("#username", "ra");
        page.fill("#password", "ra-local");
        screenshot("login");
        page.click("#kc-login");
        assertEquals("Rosa Alvarez", page.locator("#user").textContent());

        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(console.toString());
            assertTrue(page.locator("tr[data-case='" + later + "']").count() == 1);
        });
        List<String> order = page.locator("#queue tbody tr").all().stream()
                .map(row -> row.getAttribute("data-case"))
                .toList();
        assertEquals(urgent, order.get(0), "the overdue case comes first");
        assertTrue(order.indexOf(later) > 0);
        assertTrue(page.locator("tr[data-case='" + urgent + "'] .overdue")
                .textContent()
                .startsWith("MISSED, OVERDUE by 1 day"));
        screenshot("queue");

        page.locator("tr[data-case='" + urgent + "'] a").click();
        assertTrue(page.locator("#status").textContent().startsWith("Open"));
        assertTrue(page.locator("#change-requests").textContent().contains("None yet"));
        screenshot("case");

        page.selectOption("#decision", "FSCA_REQUIRED");
        page.selectOption("#action", "SOFTWARE_UPDATE");
        page.fill("#rationale", "Dose calculation overflow can over-infuse");
        page.fill("#password", "ra-local");
        page.click("#sign-decision");

        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals("Decided", page.locator("#status").textContent());
        });
        String timeline = page.locator("#timeline").textContent();
        assertTrue(timeline.contains("Signed by Rosa Alvarez (ra)"), timeline);
        assertTrue(timeline.contains("APPROVAL"), timeline);
        assertEquals(0, page.locator("#decision-form").count());

        // change control raises a change request for the decision; the case shows its status
        String changeRequestId = UUID.randomUUID().toString();
        ChangeControlEvents.raised(bootstrapServers, json, changeRequestId, urgent, Instant.now());
        Locator changeRequestStatus =
                page.locator("tr[data-change-request='" + changeRequestId + "'] .change-request-status");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals(1, changeRequestStatus.count()); // count() does not wait, textContent() would
        });
        assertEquals("Raised", changeRequestStatus.textContent());
        screenshot("decided");

        page.locator("text=Field Safety Notice (preview)").click();
        assertTrue(page.locator("#notice").textContent().contains("dose-calculator 4.2.1"));

        page.click("#sign-out");
        assertTrue(page.locator("#signed-out").isVisible());
        page.navigate(console.toString());
        assertTrue(page.url().startsWith(issuer), "signed out at Keycloak too: " + page.url());
    }

    @Test
    void aWrongPasswordIsRejectedAndTheCaseStaysOpen() throws Exception {
        String caseId = openCase(Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(10));
        String casePage = console + "/cases/" + caseId;
        signIn("ra", "ra-local");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(casePage);
            assertTrue(page.locator("#decision-form").count() == 1);
        });

        page.selectOption("#decision", "NO_FSCA");
        page.selectOption("#action", "");
        page.fill("#rationale", "Not a safety issue");
        page.fill("#password", "not-my-password");
        page.click("#sign-decision");

        assertTrue(page.locator("#problem").textContent().contains("21 CFR 11.200"));
        assertTrue(page.locator("#status").textContent().startsWith("Open"));
        assertEquals(casePage, page.url(), "the problem is not in the address");
        screenshot("signature-rejected");
        page.reload();
        assertEquals(0, page.locator("#problem").count(), "the problem shows once");
    }

    @Test
    void aTrendSignalShowsInTheQueueAndOnItsCase() throws Exception {
        String problemId = UUID.randomUUID().toString();
        TestKafka.publishInOneBatch(
                bootstrapServers, List.of(TriageEvents.record(json, TriageEvents.trendSignal(problemId))));
        String caseId = FscaCases.caseIdFor(problemId);
        signIn("ra", "ra-local");
        Locator row = page.locator("tr[data-case='" + caseId + "']");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(console.toString());
            assertEquals(1, row.count());
        });
        assertEquals(List.of("0", "1"), row.locator("td").allTextContents().subList(2, 4), "incidents, trend signals");

        row.locator("a").click();
        String signals = page.locator("#trend-signals").textContent();
        assertTrue(signals.contains("E-LOG-TRUNCATED") && signals.contains("0.7"), signals);
        String timeline = page.locator("#timeline").textContent();
        assertTrue(timeline.contains("Trend signal raised") && timeline.contains("8 reports"), timeline);
        screenshot("trend");
    }

    /** Signs in at Keycloak's sign-in page, as a person does. */
    private void signIn(String user, String password) {
        page.navigate(console.toString());
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#kc-login");
        assertTrue(page.locator("#user").isVisible());
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Publishes a triaged serious incident whose EU MDR clock ends {@code clock} after awareness. */
    private String openCase(Instant aware, Duration clock) throws Exception {
        String problemId = UUID.randomUUID().toString();
        TriageEvents.publish(bootstrapServers, json, TriageEvents.seriousIncident(problemId, aware, clock));
        return FscaCases.caseIdFor(problemId);
    }
}
