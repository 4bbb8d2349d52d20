package org.fieldsafety.fsca.console;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the console answers a step sent from a page (a case's, a vigilance report's): back to the page (303),
 * which shows what refused the step when something did. The refusal travels in a short-lived cookie of that
 * page, read once, never in the URL: nothing from a query string is shown on a page, and a reload sends
 * nothing again.
 */
public final class PageAnswer {

    /** A refused step's problem, for the page's next view only. */
    public static final String PROBLEM_COOKIE = "console-problem";

    private PageAnswer() {}

    /** Back to {@code page}; with {@code problem} (null when the step was taken) for it to show. */
    public static Response back(URI page, String problem) {
        Response.ResponseBuilder answer = Response.seeOther(page);
        return problem == null
                ? answer.build()
                : answer.cookie(cookie(page, URLEncoder.encode(problem, StandardCharsets.UTF_8), 60))
                        .build();
    }

    /** The problem the cookie carries, in words; null without one. */
    public static String problem(String cookie) {
        return cookie == null ? null : URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    /** The cookie that removes the problem once {@code page} showed it. */
    public static NewCookie shown(URI page) {
        return cookie(page, "", 0);
    }

    private static NewCookie cookie(URI page, String value, int maxAge) {
        return new NewCookie.Builder(PROBLEM_COOKIE)
                .value(value)
                .path(page.getPath())
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
