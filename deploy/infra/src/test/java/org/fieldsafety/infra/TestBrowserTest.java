package org.fieldsafety.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@Tag("flow")
class TestBrowserTest {

    @Test
    void theAccessibilityCheckNamesWhatAPageLacksAndPassesAPageThatHasIt() {
        try (TestBrowser browser = TestBrowser.launch();
                BrowserContext context = browser.context(390, 844)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
                    + "<img src=\"data:,\"><input type=\"text\"></main></body></html>");
            AssertionFailedError failure =
                    assertThrows(AssertionFailedError.class, () -> TestBrowser.assertAccessible(page));
            assertTrue(failure.getMessage().contains("image-alt"), failure.getMessage());
            assertTrue(failure.getMessage().contains("label"), failure.getMessage());

            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
                    + "<h1>Fine</h1><img src=\"data:,\" alt=\"nothing\"><label>Name <input type=\"text\"></label>"
                    + "</main></body></html>");
            TestBrowser.assertAccessible(page);
        }
    }
}
