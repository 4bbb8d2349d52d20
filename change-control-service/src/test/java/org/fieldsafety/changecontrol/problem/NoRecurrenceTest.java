package org.fieldsafety.changecontrol.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEC 62304 9.7: the fix has been in the field for the window, and the problem has not recurred on it. */
class NoRecurrenceTest {

    private static final Instant RELEASED = Instant.parse("2026-10-01T00:00:00Z");
    private static final FixedRelease FIX = new FixedRelease("4.2.2", "cr-1", RELEASED);
    private static final Duration WINDOW = Duration.ofDays(30);

    @ParameterizedTest(name = "{0} after the release: {1}")
    @CsvSource({
        "P29DT23H59M59S, recurrence-window-open",
        "P30D,           ",
        "P31D,           ",
    })
    void theFixIsCheckedOnlyOnceItHasBeenInTheFieldForTheWindow(Duration since, String code) {
        Instant now = RELEASED.plus(since);
        if (code == null) {
            NoRecurrence evidence = NoRecurrence.verify(FIX, List.of(), WINDOW, now);
            assertEquals(new NoRecurrence(FIX, WINDOW, now, List.of()), evidence);
        } else {
            RuleViolation e = assertThrows(RuleViolation.class, () -> NoRecurrence.verify(FIX, List.of(), WINDOW, now));
            assertEquals(code, e.code());
            assertTrue(e.getMessage().contains("IEC 62304 9.7"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "a report on {0}, triaged {1} after the release, recurs: {2}")
    @CsvSource({
        "4.2.1,   P1D,   false",
        "4.1.9,   P1D,   false",
        "4.2.2,   P1D,   true",
        "4.2.2,   PT0S,  true",
        "4.2.2,   -PT1S, false",
        "4.2.10,  P1D,   true",
        "5.0,     P1D,   true",
        "4.2.2.1, P1D,   true",
        "'',      P1D,   true",
        ",        P1D,   true",
    })
    void onlyAReportOnTheFixedVersionOrLaterSinceTheReleaseIsARecurrence(
            String version, Duration sinceRelease, boolean recurs) {
        FieldReport report = new FieldReport("report-7", version, RELEASED.plus(sinceRelease));
        Instant now = RELEASED.plus(WINDOW);
        assertEquals(recurs, NoRecurrence.isRecurrence(report, FIX));
        if (recurs) {
            RuleViolation e =
                    assertThrows(RuleViolation.class, () -> NoRecurrence.verify(FIX, List.of(report), WINDOW, now));
            assertEquals("problem-recurred", e.code());
            assertTrue(e.getMessage().contains("report report-7"), e.getMessage());
        } else {
            NoRecurrence.verify(FIX, List.of(report), WINDOW, now);
        }
    }

    @Test
    void theEvidenceNamesTheReportsSinceTheReleaseOnOlderVersions() {
        List<FieldReport> reports = List.of(
                new FieldReport("before", "4.2.2", RELEASED.minusSeconds(60)),
                new FieldReport("old-2", "4.2.1", RELEASED.plus(Duration.ofDays(2))),
                new FieldReport("old-1", "4.2.1", RELEASED.plus(Duration.ofDays(1))));
        Instant now = RELEASED.plus(WINDOW);

        assertEquals(
                new NoRecurrence(FIX, WINDOW, now, List.of("old-1", "old-2")),
                NoRecurrence.verify(FIX, reports, WINDOW, now));
    }
}
