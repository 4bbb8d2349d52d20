package org.fieldsafety.fsca.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.fsca.ChangeControlEvents;
import org.fieldsafety.fsca.TriageEvents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;
import org.fieldsafety.fsca.console.problems.ProblemWeeks;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestBrowser;
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

    private static TestBrowser browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/console")
    URL console;

    /**
     * The product of this test's cases, whose queue it reads: other tests leave open cases behind, and on the
     * queue of all products they could come first or push this test's off its first page.
     */
    private final String product = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() {
        browser = TestBrowser.launch();
    }

    @AfterAll
    static void shutDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        context = browser.context(1280, 900);
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
            page.navigate(queueUrl());
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
        checked("queue");

        page.locator("tr[data-case='" + urgent + "'] a").click();
        assertTrue(page.locator("#status").textContent().startsWith("Open"));
        assertTrue(page.locator("#change-requests").textContent().contains("None yet"));
        Locator opened = page.locator("time").first();
        assertTrue(opened.getAttribute("datetime").endsWith("Z"), opened.getAttribute("datetime"));
        assertTrue(opened.getAttribute("title").endsWith(" UTC"), "UTC on hover");
        assertNotEquals(opened.getAttribute("title"), opened.textContent(), "shown in the browser's time zone");
        checked("case");

        page.selectOption("#decision", "FSCA_REQUIRED");
        page.selectOption("#action", "SOFTWARE_UPDATE");
        page.fill("#rationale", "Dose calculation overflow can over-infuse");
        page.fill("#decision-password", "ra-local");
        page.click("#sign-decision");

        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals("Decided", page.locator("#status").textContent());
        });
        String timeline = page.locator("#timeline").textContent();
        assertTrue(timeline.contains("Signed by Rosa Alvarez (ra)"), timeline);
        assertTrue(timeline.contains("APPROVAL"), timeline);
        assertEquals(0, page.locator("#decision-form").count());
        assertTrue(page.locator("#notice-form").isVisible(), "the next steps are offered");

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
        checked("notice");

        page.click("#sign-out");
        assertTrue(page.locator("#signed-out").isVisible());
        checked("signed-out");
        page.navigate(console.toString());
        assertTrue(page.url().startsWith(issuer), "signed out at Keycloak too: " + page.url());
    }

    /**
     * A refused signature leaves the case open and is kept for auditors, who read the case without a form to
     * fill in, its audit trail verified, and the refusal.
     */
    @Test
    void aWrongPasswordIsRejectedAndTheCaseStaysOpenAndAnAuditorSeesTheRefusal() throws Exception {
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
        page.fill("#decision-password", "not-my-password");
        page.click("#sign-decision");

        assertTrue(page.locator("#problem").textContent().contains("21 CFR 11.200"));
        assertTrue(page.locator("#status").textContent().startsWith("Open"));
        assertEquals(casePage, page.url(), "the problem is not in the address");
        screenshot("signature-rejected");
        page.reload();
        assertEquals(0, page.locator("#problem").count(), "the problem shows once");

        context.close();
        context = browser.context(1280, 900);
        page = context.newPage();
        signIn("auditor", "auditor-local");
        page.navigate(casePage);
        assertTrue(page.locator("#status").textContent().startsWith("Open"));
        assertEquals(0, page.locator("main form").count(), "an auditor reads; nothing to fill in");
        page.click("#audit-link");
        assertTrue(page.locator("#verification").textContent().startsWith("Verified"));
        assertEquals(
                "Fsca case opened", page.locator("#audit tbody tr td").nth(1).textContent());
        TestBrowser.assertAccessible(page);
        screenshot("audit-trail");

        page.navigate(console + "/signature-failures");
        assertTrue(
                page.locator("#signature-failures").textContent().contains("/cases/" + caseId + "/decision"),
                () -> page.locator("main").textContent());
        TestBrowser.assertAccessible(page);
        screenshot("signature-failures");
    }

    @Test
    void aTrendSignalShowsInTheQueueAndOnItsCase() throws Exception {
        String problemId = UUID.randomUUID().toString();
        TestKafka.publishInOneBatch(
                bootstrapServers, List.of(TriageEvents.record(json, TriageEvents.trendSignal(problemId, product))));
        String caseId = FscaCases.caseIdFor(problemId);
        signIn("ra", "ra-local");
        Locator row = page.locator("tr[data-case='" + caseId + "']");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(queueUrl());
            assertEquals(1, row.count());
        });
        assertEquals(List.of("0", "1"), row.locator("td").allTextContents().subList(2, 4), "incidents, trend signals");

        row.locator("a").click();
        String signals = page.locator("#trend-signals").textContent();
        assertTrue(signals.contains("E-LOG-TRUNCATED") && signals.contains("0.7"), signals);
        String timeline = page.locator("#timeline").textContent();
        assertTrue(timeline.contains("Trend signal raised") && timeline.contains("8 reports"), timeline);
        checked("trend");

        // the problem's page: triage's weeks (its stand-in here) with the case's signal marked
        TriageStandIn.WEEKS.put(problemId, weeksEndingWithABurst(problemId));
        page.click("#problem-chart");
        assertEquals(console + "/problems/" + problemId, page.url());
        assertEquals(1, page.locator("#trend-chart").count(), () -> page.content());
        String desc = page.locator("#trend-chart-desc").textContent();
        assertTrue(
                desc.contains("8 reports, in a trend signal's window") && desc.contains("Trend signal: 8 reports"),
                desc);
        assertEquals("img", page.locator("#trend-chart").getAttribute("role"));
        assertEquals(1, page.locator("#trend-chart g.trend-signal").count());
        assertEquals(
                ConsoleProblemResource.WEEKS, page.locator("#weeks tbody tr").count(), "every week in the table");
        assertEquals(1, page.locator("#trend-signals tbody tr").count());
        checked("problem-trend-chart");

        // a problem triage does not know: the page says so and still lists what the cases hold
        page.navigate(console + "/problems/" + UUID.randomUUID());
        assertTrue(page.locator("#trend-unavailable").isVisible());
        assertTrue(page.locator("#no-signals").isVisible());
    }

    /** Half a year of a problem's weeks as triage answers them: a report now and then, then 8 this week. */
    private static ProblemWeeks weeksEndingWithABurst(String problemId) {
        Instant monday = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(
                        LocalDate.now(ZoneOffset.UTC).getDayOfWeek().getValue() - 1L));
        int weeks = ConsoleProblemResource.WEEKS;
        return new ProblemWeeks(
                problemId,
                "INSULIN-PUMP-X",
                "event-log",
                "E-LOG-TRUNCATED",
                IntStream.range(0, weeks)
                        .mapToObj(i -> new ProblemWeeks.Week(
                                monday.minus(Duration.ofDays(7L * (weeks - 1 - i))),
                                i == weeks - 1 ? 8 : i % 3 == 0 ? 1 : 0))
                        .toList(),
                0.7,
                "OWN_BASELINE",
                Instant.now(),
                Instant.now());
    }

    /**
     * Regulatory affairs takes a case from its serious incident to closure in the browser, each step a form
     * of the case page; a step on a page the case moved on from, and a closure while a clock runs, are
     * refused with their rule on the page.
     */
    @Test
    void regulatoryAffairsTakesACaseFromItsSeriousIncidentToClosure() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = openCase(problemId, Instant.now().minus(Duration.ofHours(2)), Duration.ofDays(15));
        String casePage = console + "/cases/" + caseId;
        signIn("ra", "ra-local");

        // the queue draws the case's deadline on the time axis, and shows it without a reload once it exists
        page.navigate(queueUrl());
        Locator deadline = page.locator("#deadline-chart g.deadline[data-case='" + caseId + "']");
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(1, deadline.count()));
        assertTrue(page.locator("#deadline-chart-desc").textContent().contains("EU MDR Art. 87(3) due"));
        assertEquals(1, page.locator("#today-line").count());
        screenshot("flow-01-queue-chart");
        // the queue of one product, refreshed by a step taken elsewhere, is still that product's
        Page queue = page.context().newPage();
        queue.navigate(queueUrl());
        String queueVersion = queue.locator("main").getAttribute("data-version");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            page.navigate(casePage);
            assertEquals(1, page.locator("#assessment-form").count());
        });
        step("#assessment-form", () -> {
            page.fill("#assessment-text", "Over-infusion of insulin: serious injury, probable in the field");
            page.fill("#assessment-password", "ra-local");
        });
        awaitTimeline("Health hazard assessed");
        screenshot("flow-02-assessed");
        await().atMost(PATIENCE)
                .until(() -> !queueVersion.equals(queue.locator("main").getAttribute("data-version")));
        assertEquals(product, queue.locator("#product").inputValue());
        queue.close();

        step("#reportability-form", () -> {
            page.selectOption("#reportability-clock", "EU_MDR|report-" + problemId);
            page.selectOption("#reportability-decision", "REPORTABLE");
            page.fill("#reportability-rationale", "A serious injury the device may have caused");
            page.fill("#reportability-password", "ra-local");
        });
        awaitTimeline("Reportability decided: Reportable");

        step("#decision-form", () -> {
            page.selectOption("#decision", "FSCA_REQUIRED");
            page.selectOption("#action", "SOFTWARE_UPDATE");
            page.fill("#rationale", "Dose calculation overflow can over-infuse");
            page.fill("#decision-password", "ra-local");
        });
        awaitStatus("Decided");
        screenshot("flow-03-decided");

        // a second page on the same case, filled in while the first takes a step: it says the case changed,
        // and its step is refused with a message
        Page stale = context.newPage();
        stale.navigate(casePage);
        stale.selectOption("#authority-country", "FR");
        stale.fill("#authority-name", "ANSM");
        stale.fill("#authority-reference", "ANSM-1");
        notifyAuthority("DE", "BfArM", "BfArM-2026-1", true);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertTrue(stale.locator("#stale-notice").isVisible()));
        stale.waitForNavigation(() -> stale.click("#notify-authority"));
        String refused = stale.locator("#problem").textContent();
        assertTrue(refused.contains("when this step was prepared") && refused.contains("read it again"), refused);
        assertEquals(
                "Not yet",
                stale.locator("#authorities tr[data-country='FR'] td").nth(2).textContent(),
                "nothing of the refused step was applied");
        stale.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("flow-04-stale-page-refused.png"))
                .setFullPage(true));
        stale.close();

        notifyAuthority("FR", "ANSM", "ANSM-1", true);
        notifyAuthority("US", "FDA", "FDA-Z-2026-1", false);
        screenshot("flow-05-authorities-notified");

        step("#notice-form", () -> {
            page.fill("#notice-recipients", "Clinic A\nClinic B");
            page.fill("#notice-contact", "fsca@example.org, +49 30 1234");
            page.fill("#notice-password", "ra-local");
        });
        awaitStatus("Field Safety Notice issued");

        step(
                "#acknowledgement-form",
                () -> page.selectOption("#acknowledgement-recipient", new SelectOption().setIndex(0)));
        Locator clinicA = page.locator("#recipients tr[data-recipient='Clinic A'] td");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertFalse(clinicA.nth(2).textContent().contains("Not yet"));
        });
        step("#delivery-failure-form", () -> {
            page.selectOption("#failure-recipient", new SelectOption().setIndex(1));
            page.fill("#failure-reason", "Mailbox full");
        });
        Locator clinicB = page.locator("#recipients tr[data-recipient='Clinic B'] td");
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals("1", clinicB.nth(3).textContent());
        });
        assertEquals(1, page.locator("#acknowledgement-chart").count());
        assertEquals(1, page.locator("#acknowledgement-chart .delivery-failure").count());
        assertTrue(page.locator("#acknowledgement-chart-desc")
                .textContent()
                .startsWith("1 of 2 recipients acknowledged receipt"));
        assertTrue(page.locator("#acknowledgement-summary").textContent().contains("1 of"));
        checked("flow-06-notice-recipients");

        step("#effectiveness-form", () -> {
            page.selectOption("#effectiveness-outcome", "PASSED");
            page.fill("#effectiveness-rationale", "All pumps updated to 4.2.2 within 30 days");
        });
        awaitStatus("Effectiveness verified");

        closeCase();
        String problem = page.locator("#problem").textContent();
        assertTrue(problem.contains("every reporting clock ends before the case closes"), problem);
        assertTrue(page.locator("#status").textContent().startsWith("Effectiveness verified"));
        screenshot("flow-07-closure-refused");

        // every clock still running is decided not reportable (the reports are the vigilance reports' part)
        Locator running = page.locator("#reportability-clock option", new Page.LocatorOptions().setHasText("(Open)"));
        while (running.count() > 0) {
            String clock = running.first().getAttribute("value");
            step("#reportability-form", () -> {
                page.selectOption("#reportability-clock", clock);
                page.selectOption("#reportability-decision", "NOT_REPORTABLE");
                page.fill("#reportability-rationale", "Reported with the FSCA; no separate report due");
                page.fill("#reportability-password", "ra-local");
            });
            await().atMost(PATIENCE).untilAsserted(() -> {
                page.reload();
                assertEquals(
                        0,
                        page.locator(
                                        "#reportability-clock option[value='" + clock + "']",
                                        new Page.LocatorOptions().setHasText("(Open)"))
                                .count());
            });
        }

        closeCase();
        awaitStatus("Closed");
        assertEquals(0, page.locator("#steps").count(), "a closed case takes no step");
        checked("flow-08-closed");
    }

    /**
     * Regulatory affairs reviews the draft report of a serious incident from the queue, completes its codes and
     * narrative, previews its form, signs and submits it, and records the authority's acknowledgement; an
     * unknown code and a second submission are refused with their rule on the page.
     */
    @Test
    void regulatoryAffairsReviewsSignsAndSubmitsADraftVigilanceReport() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String caseId = openCase(problemId, Instant.now().minus(Duration.ofHours(2)), Duration.ofDays(15));
        String casePage = console + "/cases/" + caseId;
        signIn("ra", "ra-local");

        // the product's queue lists the case's drafts, the next due first: the EU MDR report (15 days) before
        // the FDA's (30)
        Locator drafts =
                page.locator("#queue-reports tbody tr", new Page.LocatorOptions().setHasText(caseId.substring(0, 8)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(queueUrl());
            assertEquals(2, drafts.count());
        });
        assertEquals(
                "2 drafts of " + product + ".", page.locator("#drafts-count").textContent());
        assertTrue(drafts.nth(0).textContent().contains("EU MDR"), drafts.nth(0).textContent());
        assertTrue(drafts.nth(1).textContent().contains("FDA"), drafts.nth(1).textContent());
        assertEquals("Draft", drafts.nth(0).locator(".report-status").textContent());
        screenshot("report-01-queue-with-reports");

        drafts.nth(0)
                .locator("a", new Locator.LocatorOptions().setHasText("Open report"))
                .click();
        String reportPage = page.url();
        assertEquals("Draft", page.locator("#report-status").textContent());
        assertTrue(page.locator("#authority").textContent().contains("DE"), "the incident's member state");

        // a code that is not in the loaded release is refused, naming it, and nothing is saved
        page.fill("#draft-narrative", "The dose calculator computed a bolus ten times the requested amount.");
        page.fill("#draft-device-problems", "A999999");
        reportStep("#draft-form");
        String refused = page.locator("#problem").textContent();
        assertTrue(refused.contains("Not in the loaded IMDRF release of Annex A: A999999"), refused);
        assertEquals("No code yet.", page.locator("#codes").textContent());
        screenshot("report-02-unknown-code-refused");

        page.fill("#draft-narrative", "The dose calculator computed a bolus ten times the requested amount.");
        page.fill("#draft-device-problems", "A110202");
        page.fill("#draft-clinical-signs", "E0119");
        page.fill("#draft-health-impacts", "F1005");
        page.fill("#draft-investigation-types", "B01");
        page.fill("#draft-conclusions", "D16");
        reportStep("#draft-form");
        assertEquals(0, page.locator("#problem").count(), () -> page.locator("#problem")
                .textContent());
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertTrue(page.locator("#codes").textContent().contains("A110202"));
        });
        assertTrue(page.locator("#narrative").textContent().contains("ten times"));

        // the preview is the report's form, and both files download
        String preview = page.locator("#preview").getAttribute("data");
        APIResponse pdf = page.request().get(console.toURI().resolve(preview).toString());
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.headers().get("content-type"));
        assertTrue(pdf.headers().get("content-disposition").startsWith("inline"));
        try (PDDocument form = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(form);
            assertTrue(text.contains("A110202"), text);
            ImageIO.write(
                    new PDFRenderer(form).renderImageWithDPI(0, 80),
                    "png",
                    SCREENSHOTS.resolve("report-04-pdf-preview.png").toFile());
        }
        APIResponse xml = page.request()
                .get(console.toURI()
                        .resolve(page.locator("#download-xml").getAttribute("href"))
                        .toString());
        assertEquals(200, xml.status(), xml.text());
        assertTrue(xml.text().contains("A110202"), xml.text());
        checked("report-03-report-page");

        // a second page on the draft, being filled in (so it only says the report changed), then the submission,
        // signed; the second page's submission is refused with the rule
        Page second = context.newPage();
        second.navigate(reportPage);
        second.fill("#submission-reference", "MIR-DE-2");
        page.fill("#submission-reference", "MIR-DE-1");
        page.fill("#submission-password", "ra-local");
        reportStep("#submission-form");
        assertEquals(0, page.locator("#problem").count(), () -> page.locator("#problem")
                .textContent());
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals("Submitted", page.locator("#report-status").textContent());
        });
        String submission = page.locator("#submission").textContent();
        assertTrue(submission.contains("MIR-DE-1") && submission.contains("in time"), submission);
        assertTrue(submission.contains("Signed by Rosa Alvarez (ra)") && submission.contains("APPROVAL"), submission);
        assertEquals(0, page.locator("#submission-form").count(), "a submitted report takes no second submission");
        screenshot("report-05-submitted");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertTrue(second.locator("#stale-notice").isVisible()));
        second.fill("#submission-password", "ra-local");
        second.waitForNavigation(() -> second.click("#sign-submission"));
        String twice = second.locator("#problem").textContent();
        assertTrue(twice.contains("the report is submitted and frozen: a correction is a follow-up report"), twice);
        second.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("report-06-second-submission-refused.png"))
                .setFullPage(true));
        second.close();

        // the case page shows the clock met and links its reports
        page.navigate(casePage);
        Locator clock = page.locator("#incidents .clock[data-regime='EU_MDR']");
        assertEquals("SUBMITTED", clock.getAttribute("data-state"));
        assertEquals("deadline met", clock.locator(".clock-met").textContent());
        assertEquals(2, page.locator("#case-reports tbody tr").count());
        screenshot("report-07-case-clock-met");

        page.navigate(reportPage);
        page.fill("#ack-reference", "BfArM-MIR-2026-0042");
        reportStep("#acknowledgement-form");
        assertEquals(0, page.locator("#problem").count(), () -> page.locator("#problem")
                .textContent());
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals("Acknowledged", page.locator("#report-status").textContent());
        });
        assertTrue(page.locator("#answer").textContent().contains("Accepted, reference BfArM-MIR-2026-0042"));
        screenshot("report-08-acknowledged");

        page.navigate(console + "/vigilance-reports?status=ACKNOWLEDGED");
        assertEquals(
                1,
                page.locator("#reports tr[data-report='" + reportPage.substring(reportPage.lastIndexOf('/') + 1) + "']")
                        .count());
        checked("report-09-report-list");
    }

    /**
     * A case's opening event that its view cannot take is parked; the administrator sees it with the reason
     * in the console and, once the cause is gone, replays it, and the case shows.
     */
    @Test
    void anAdministratorSeesAParkedEventAndReplaysItOnceItsCauseIsGone() throws Exception {
        String problemId = UUID.randomUUID().toString();
        String constraint = "console_test_parks_" + problemId.substring(0, 8);
        sql("alter table fsca_case_view add constraint " + constraint + " check (problem_id <> '" + problemId + "')");
        String caseId = openCase(problemId, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(10));
        signIn("admin", "admin-local");
        Locator parked = page.locator(
                "table.parked[data-group='" + FscaCaseProjection.PROCESSING_GROUP + "'] tr",
                new Page.LocatorOptions().setHasText(caseId));
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(console + "/dead-letters");
            assertTrue(parked.count() > 0);
        });
        // the case's first event with the reason, and its later events waiting behind it
        assertTrue(
                parked.first().textContent().startsWith("FscaCaseOpened"),
                parked.first().textContent());
        assertTrue(
                parked.first().textContent().contains(constraint),
                parked.first().textContent());
        TestBrowser.assertAccessible(page);
        screenshot("dead-letters");

        sql("alter table fsca_case_view drop constraint " + constraint);
        page.waitForNavigation(() ->
                page.click("#dead-letter-groups tr[data-group='" + FscaCaseProjection.PROCESSING_GROUP + "'] button"));
        assertEquals(0, parked.count());
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.navigate(console + "/cases/" + caseId);
            assertTrue(page.locator("#status").textContent().startsWith("Open"));
        });
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD)) {
            connection.createStatement().execute(statement);
        }
    }

    /** Sends a report page's form with the keyboard (Enter on its submit button), back to the page. */
    private void reportStep(String form) {
        page.locator(form + " button[type=submit]").focus();
        page.waitForNavigation(() -> page.keyboard().press("Enter"));
    }

    /**
     * Fills a step's form and sends it with the keyboard (Enter on its submit button), as a person may. A
     * step refused because an event the machine recorded meanwhile (a report drafted, a clock set) moved the
     * case on is taken again on the page as it is now, as a person would after reading the refusal.
     */
    private void step(String form, Runnable fill) {
        send(form, fill);
        if (page.locator("#problem").count() == 1
                && page.locator("#problem").textContent().contains("was changed concurrently")) {
            page.reload();
            send(form, fill);
        }
        assertEquals(0, page.locator("#problem").count(), () -> page.locator("#problem")
                .textContent());
    }

    /** Fills and sends a form; the case page it returns to already shows the step when it was taken. */
    private void send(String form, Runnable fill) {
        String before = page.locator("main").getAttribute("data-version");
        fill.run();
        page.locator(form + " button[type=submit]").focus();
        page.waitForNavigation(() -> page.keyboard().press("Enter")); // 303 back to the case page
        if (page.locator("#problem").count() == 0) {
            assertNotEquals(before, page.locator("main").getAttribute("data-version"));
        }
    }

    private void notifyAuthority(String country, String authority, String reference, boolean draft) {
        step("#authority-form", () -> {
            page.selectOption("#authority-country", country);
            page.fill("#authority-name", authority);
            page.fill("#authority-reference", reference);
            page.setChecked("#authority-draft", draft);
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertEquals(
                    "Yes",
                    page.locator("#authorities tr[data-country='" + country + "'] td")
                            .nth(2)
                            .textContent());
        });
    }

    private void closeCase() {
        page.fill("#closure-rationale", "Software update verified in the field");
        page.fill("#closure-password", "ra-local");
        page.waitForNavigation(() -> page.click("#sign-closure"));
    }

    private void awaitTimeline(String entry) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertTrue(page.locator("#timeline").textContent().contains(entry));
        });
    }

    private void awaitStatus(String status) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            page.reload();
            assertTrue(page.locator("#status").textContent().startsWith(status));
        });
    }

    /** Signs in at Keycloak's sign-in page, as a person does. */
    private void signIn(String user, String password) {
        page.navigate(console.toString());
        page.fill("#username", user);
        page.fill("#password", password);
        page.click("#kc-login");
        assertTrue(page.locator("#user").isVisible());
    }

    /**
     * The page as it is now: a screenshot, axe-core's WCAG 2.1 AA check, and the same page in a second
     * browser window 390 px wide (the signed-in session's cookies copied), which scrolls nothing sideways
     * but its tables, is checked by axe-core as well and screenshot too.
     */
    private void checked(String name) {
        screenshot(name);
        TestBrowser.assertAccessible(page);
        try (BrowserContext narrow = browser.context(390, 844)) {
            narrow.addCookies(context.cookies());
            Page small = narrow.newPage();
            small.navigate(page.url());
            assertEquals(
                    Boolean.TRUE,
                    small.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    () -> name + " is wider than 390 px: "
                            + small.evaluate("() => document.documentElement.scrollWidth"));
            TestBrowser.assertAccessible(small);
            small.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + "-390px.png"))
                    .setFullPage(true));
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /**
     * Publishes a triaged serious incident of this test's product whose EU MDR clock ends {@code clock} after
     * awareness.
     */
    private String openCase(Instant aware, Duration clock) throws Exception {
        return openCase(UUID.randomUUID().toString(), aware, clock);
    }

    private String openCase(String problemId, Instant aware, Duration clock) throws Exception {
        TriageEvents.publish(
                bootstrapServers,
                json,
                TriageEvents.seriousIncident("report-" + problemId, product, problemId, aware, clock));
        return FscaCases.caseIdFor(problemId);
    }

    /** The queue of this test's product. */
    private String queueUrl() {
        return console + "?product=" + product;
    }
}
