package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.console.problems.ProblemWeeks;

/**
 * The problem page's picture of its trend (MDR Art. 88): the reports of each week as bars against the
 * reports its trend expects per week as a dashed line, and the windows of the trend signals its cases hold
 * shaded and marked. Drawn on the server as SVG (no script, no network); its text alternative is the {@code
 * title} and {@code desc} it carries (every week and signal in words) and the table of weeks beside it.
 *
 * @param svg the drawing, safe to insert into the page as it is (every text is escaped)
 * @param rows the weeks as the table beside the chart lists them
 * @param expected the reports expected per week to one decimal, null before the trend's first evaluation
 */
record TrendChart(RawString svg, List<Row> rows, String expected) {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 50;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 30;
    private static final int BOTTOM = HEIGHT - 60;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String SIGNAL_FILL = "#fdecee";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One week: its start, its reports, and whether a trend signal's window covers part of it. */
    record Row(Instant start, long reports, boolean signal) {}

    /** The chart of a problem's {@code weeks} with the trend {@code signals} of its cases. */
    static TrendChart of(ProblemWeeks weeks, List<TrendSignal> signals) {
        List<Row> rows = weeks.weeks().stream()
                .map(week -> new Row(
                        week.start(),
                        week.reports(),
                        signals.stream().anyMatch(signal -> overlaps(signal, week.start()))))
                .toList();
        Double expected = weeks.expectedPerWeek();
        double top = Math.max(
                1, Math.max(rows.stream().mapToLong(Row::reports).max().orElse(0), expected == null ? 0 : expected));
        double column = (double) (RIGHT - LEFT) / Math.max(1, rows.size());

        StringBuilder svg = Svg.start(
                "trend-chart",
                WIDTH,
                HEIGHT,
                "Reports per week of the problem against the reports expected, with its trend signals",
                description(weeks, rows, signals));
        for (TrendSignal signal : signals) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (overlaps(signal, rows.get(i).start())) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                double x = LEFT + column * first;
                svg.append("<g class=\"trend-signal\" data-signal=\"")
                        .append(Svg.escape(signal.signalId()))
                        .append("\"><title>")
                        .append(Svg.escape(words(signal)))
                        .append("</title><rect x=\"")
                        .append(Svg.num(x))
                        .append("\" y=\"")
                        .append(TOP)
                        .append("\" width=\"")
                        .append(Svg.num(column * (last - first + 1)))
                        .append("\" height=\"")
                        .append(BOTTOM - TOP)
                        .append("\" fill=\"")
                        .append(SIGNAL_FILL)
                        .append("\"/>")
                        .append(Svg.text(x + 2, TOP - 6, "start", Svg.RED, "\u25b2 signal"))
                        .append("</g>");
            }
        }
        for (double count : List.of(0.0, Math.ceil(top / 2), Math.ceil(top))) {
            svg.append(Svg.line(LEFT, y(count, top), RIGHT, y(count, top), Svg.GRID, ""))
                    .append(Svg.text(LEFT - 6, y(count, top) + 4, "end", Svg.MUTED, Svg.num(count)));
        }
        double bar = Math.max(2, column * 0.7);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double x = LEFT + column * i + (column - bar) / 2;
            svg.append("<rect class=\"week\" x=\"")
                    .append(Svg.num(x))
                    .append("\" y=\"")
                    .append(Svg.num(y(row.reports(), top)))
                    .append("\" width=\"")
                    .append(Svg.num(bar))
                    .append("\" height=\"")
                    .append(Svg.num(BOTTOM - y(row.reports(), top)))
                    .append("\" fill=\"")
                    .append(Svg.BLUE)
                    .append("\"><title>")
                    .append(Svg.escape(weekWords(row)))
                    .append("</title></rect>");
            if (i % 4 == 0) {
                svg.append(Svg.text(x + bar / 2, BOTTOM + 16, "middle", Svg.INK, DAY.format(row.start())));
            }
        }
        svg.append(Svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, Svg.MUTED, ""));
        if (expected != null) {
            svg.append(Svg.line(
                    LEFT,
                    y(expected, top),
                    RIGHT,
                    y(expected, top),
                    Svg.RED,
                    " stroke-width=\"2\" stroke-dasharray=\"6 4\" id=\"expected-line\""));
        }
        int legend = HEIGHT - 12;
        svg.append("<rect x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(legend - 10)
                .append("\" width=\"12\" height=\"12\" fill=\"")
                .append(Svg.BLUE)
                .append("\"/>")
                .append(Svg.text(LEFT + 18, legend, "start", Svg.INK, "Reports in the week"))
                .append(Svg.line(
                        LEFT + 170,
                        legend - 4,
                        LEFT + 194,
                        legend - 4,
                        Svg.RED,
                        " stroke-width=\"2\" stroke-dasharray=\"6 4\""))
                .append(Svg.text(LEFT + 200, legend, "start", Svg.INK, "Expected per week"))
                .append("<rect x=\"")
                .append(LEFT + 340)
                .append("\" y=\"")
                .append(legend - 10)
                .append("\" width=\"12\" height=\"12\" fill=\"")
                .append(SIGNAL_FILL)
                .append("\" stroke=\"")
                .append(Svg.RED)
                .append("\"/>")
                .append(Svg.text(LEFT + 358, legend, "start", Svg.INK, "A trend signal's window"))
                .append("</svg>");
        return new TrendChart(
                new RawString(svg.toString()),
                rows,
                expected == null ? null : String.format(Locale.ROOT, "%.1f", expected));
    }

    /** Every week and signal in words: the chart's text alternative. */
    static String description(ProblemWeeks weeks, List<Row> rows, List<TrendSignal> signals) {
        StringBuilder text = new StringBuilder("Reports of ")
                .append(weeks.softwareItem())
                .append(' ')
                .append(weeks.faultCode())
                .append(" per week, ")
                .append(rows.size())
                .append(" weeks: ");
        for (int i = 0; i < rows.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(weekWords(rows.get(i)));
        }
        text.append(". ")
                .append(
                        weeks.expectedPerWeek() == null
                                ? "No expected rate yet: the trend was not evaluated."
                                : String.format(
                                        Locale.ROOT,
                                        "Expected per week: %.1f (%s).",
                                        weeks.expectedPerWeek(),
                                        ConsoleLabels.words(weeks.expectedFrom())));
        if (signals.isEmpty()) {
            return text.append(" No trend signal.").toString();
        }
        signals.forEach(
                signal -> text.append(" Trend signal: ").append(words(signal)).append('.'));
        return text.toString();
    }

    private static String weekWords(Row row) {
        return "week of " + ConsoleLabels.display(row.start()).replace(", 00:00 UTC", "") + ": " + row.reports()
                + (row.reports() == 1 ? " report" : " reports") + (row.signal() ? ", in a trend signal's window" : "");
    }

    private static String words(TrendSignal signal) {
        return signal.observed() + " reports from " + ConsoleLabels.display(signal.windowStart()) + " to "
                + ConsoleLabels.display(signal.windowEnd()) + " against " + signal.expectedReports() + " expected ("
                + signal.method() + "), raised " + ConsoleLabels.display(signal.raisedAt());
    }

    /** Whether the signal's window covers part of the week from {@code start}. */
    private static boolean overlaps(TrendSignal signal, Instant start) {
        return signal.windowStart().isBefore(start.plus(WEEK))
                && signal.windowEnd().isAfter(start);
    }

    private static double y(double count, double top) {
        return BOTTOM - count / top * (BOTTOM - TOP);
    }
}
