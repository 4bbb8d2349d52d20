package org.fieldsafety.triage.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemWeeksTest {

    private static final Instant WEDNESDAY = Instant.parse("2026-05-13T10:00:00Z");

    @Test
    void reportsAreSummedPerUtcWeekFromMondayTheCurrentWeekLast() {
        ProblemWeeks weeks = ProblemWeeks.of(
                problem(1.4),
                Map.of(
                        LocalDate.parse("2026-04-26"), 9L, // a Sunday: before the first week
                        LocalDate.parse("2026-04-27"), 1L, // the first week's Monday
                        LocalDate.parse("2026-05-03"), 2L, // its Sunday
                        LocalDate.parse("2026-05-11"), 3L, // this week's Monday
                        LocalDate.parse("2026-05-13"), 4L),
                3,
                WEDNESDAY,
                Duration.ofDays(14));
        assertEquals(
                List.of(
                        new ProblemWeeks.Week(Instant.parse("2026-04-27T00:00:00Z"), 3),
                        new ProblemWeeks.Week(Instant.parse("2026-05-04T00:00:00Z"), 0),
                        new ProblemWeeks.Week(Instant.parse("2026-05-11T00:00:00Z"), 7)),
                weeks.weeks());
        assertEquals(0.7, weeks.expectedPerWeek(), 1e-9, "1.4 expected over a 14-day window: 0.7 a week");
        assertEquals("OWN_BASELINE", weeks.expectedFrom());
        assertEquals("p", weeks.problemId());
    }

    @Test
    void beforeTheFirstEvaluationNothingIsExpected() {
        ProblemWeeks weeks = ProblemWeeks.of(problem(null), Map.of(), 1, WEDNESDAY, Duration.ofDays(7));
        assertNull(weeks.expectedPerWeek());
        assertEquals(List.of(new ProblemWeeks.Week(Instant.parse("2026-05-11T00:00:00Z"), 0)), weeks.weeks());
    }

    private static ProblemEntity problem(Double expected) {
        ProblemEntity problem = new ProblemEntity();
        problem.problemId = "p";
        problem.productId = "PUMP";
        problem.trendExpected = expected;
        problem.trendTest = expected == null ? null : "OWN_BASELINE";
        return problem;
    }
}
