package org.fieldsafety.triage.problem;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A problem's reports per week against what its trend expects per week, for the console's trend chart: the
 * reports a trend counts ({@link org.fieldsafety.triage.trend.TrendCounting}, where the rule is) by UTC
 * week of awareness, Monday to Sunday, the oldest first and the current week (still running) last. The
 * expected count per week is the last trend evaluation's expectation for its window scaled to seven days;
 * null before the first evaluation.
 *
 * @param expectedFrom the last evaluation's test: FORESEEN_RATE (the PMS plan's rate for the devices in use)
 *     or OWN_BASELINE (the problem's own baseline); null before the first evaluation
 * @param trendSince since when the current trend episode runs, null outside one
 */
public record ProblemWeeks(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        List<Week> weeks,
        Double expectedPerWeek,
        String expectedFrom,
        Instant evaluatedAt,
        Instant trendSince) {

    /** The counted reports of the week that starts on {@code start} (a Monday, 00:00 UTC). */
    public record Week(Instant start, long reports) {}

    /**
     * The last {@code weeks} weeks of {@code problem} up to the week of {@code now}, from its counted reports
     * per UTC day ({@code perDay}, days without one left out); {@code window} is the trend's recent window,
     * over which its expectation counts.
     */
    static ProblemWeeks of(
            ProblemEntity problem, Map<LocalDate, Long> perDay, int weeks, Instant now, Duration window) {
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeks - 1L);
        List<Week> counted = IntStream.range(0, weeks)
                .mapToObj(i -> {
                    LocalDate start = first.plusWeeks(i);
                    long reports = perDay.entrySet().stream()
                            .filter(day -> !day.getKey().isBefore(start)
                                    && day.getKey().isBefore(start.plusWeeks(1)))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
                    return new Week(start.atStartOfDay(ZoneOffset.UTC).toInstant(), reports);
                })
                .toList();
        Double perWeek = problem.trendExpected == null
                ? null
                : problem.trendExpected * Duration.ofDays(7).toSeconds() / window.toSeconds();
        return new ProblemWeeks(
                problem.problemId,
                problem.productId,
                problem.softwareItem,
                problem.faultCode,
                counted,
                perWeek,
                problem.trendTest,
                problem.trendEvaluatedAt,
                problem.trendSince);
    }
}
