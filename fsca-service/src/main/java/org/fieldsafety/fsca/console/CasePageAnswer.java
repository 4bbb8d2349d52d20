package org.fieldsafety.fsca.console;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the console answers a step sent from a case page: back to the page (303), which shows what refused the
 * step when something did. The refusal travels in a short-lived cookie of that page, read once, never in the
 * URL: nothing from a query string is shown on a page, and a reload sends nothing again.
 */
final class CasePageAnswer {

    /** A refused step's problem, for the case page's next view only. */
    static final String PROBLEM_COOKIE = "console-problem";

    private CasePageAnswer() {}

    /** Back to the case page; with {@code problem} (null when the step was taken) for it to show. */
    static Response back(String caseId, String problem) {
        Response.ResponseBuilder page =
                Response.seeOther(UriBuilder.fromPath("/console/cases/{caseId}").build(caseId));
        return problem == null
                ? page.build()
                : page.cookie(cookie(caseId, URLEncoder.encode(problem, StandardCharsets.UTF_8), 60))
                        .build();
    }

    /** The problem the cookie carries, in words; null without one. */
    static String problem(String cookie) {
        return cookie == null ? null : URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    /** The cookie that removes the problem once the page showed it. */
    static NewCookie shown(String caseId) {
        return cookie(caseId, "", 0);
    }

    private static NewCookie cookie(String caseId, String value, int maxAge) {
        return new NewCookie.Builder(PROBLEM_COOKIE)
                .value(value)
                .path("/console/cases/" + caseId)
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
