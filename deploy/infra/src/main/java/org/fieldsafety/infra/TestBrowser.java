package org.fieldsafety.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Debian's headless Chromium driven by Playwright, for the console's browser tests, with axe-core's
 * WCAG 2.1 A and AA rules run in any page a test shows. CI installs the browser and sets {@code
 * FIELDSAFETY_BROWSER_TESTS=required}, so a browser test can never be skipped there; a developer machine
 * without it skips with a message.
 */
public final class TestBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String AXE_WEBJAR = "/META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final String AXE_RUN =
            """
            async () => {
              const result = await axe.run(document,
                  { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """;

    private final Playwright playwright;
    private final Browser browser;

    private TestBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The browser, or the test skipped (failed where {@code FIELDSAFETY_BROWSER_TESTS=required}) without it. */
    public static TestBrowser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            assertNotEquals(
                    "required",
                    System.getenv("FIELDSAFETY_BROWSER_TESTS"),
                    "the console's browser tests are required here, but " + CHROMIUM + " is missing");
            assumeTrue(false, "no " + CHROMIUM + " (apt-get install chromium chromium-driver): browser test skipped");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
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
        return new TestBrowser(playwright, browser);
    }

    /** A fresh context (no cookies) whose window is {@code width} by {@code height} CSS pixels. */
    public BrowserContext context(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
    }

    /** Fails naming every WCAG 2.1 A or AA violation axe-core finds in the page as it is now. */
    public static void assertAccessible(Page page) {
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(AXE_RUN);
        assertEquals(List.of(), violations, "axe-core found WCAG 2.1 AA violations on " + page.url());
    }

    /** axe-core's script from its WebJar, whichever version the build put on the class path. */
    private static String axeSource() {
        try (InputStream webjar = TestBrowser.class.getResourceAsStream(AXE_WEBJAR)) {
            if (webjar == null) {
                throw new IllegalStateException("axe-core's WebJar is not on the test class path");
            }
            Properties properties = new Properties();
            properties.load(webjar);
            String script = "/META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream in = TestBrowser.class.getResourceAsStream(script)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
