package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseSummary;
import org.fieldsafety.fsca.console.Svg.TimeAxis;

/**
 * The queue's picture: the nearest reporting deadline of each open case on a time axis, with today's line,
 * drawn on the server as SVG (no script, no network). Its text alternative is the {@code title} and {@code
 * desc} the SVG carries, every deadline in words, and the queue's table beside it. At most {@value #MAX_ROWS}
 * cases, the nearest deadlines first as the queue orders them.
 *
 * @param svg the drawing, safe to insert into the page as it is (every text is escaped)
 * @param shown how many cases it draws
 * @param total how many cases have a running clock
 */
record DeadlineChart(RawString svg, int shown, int total) {

    static final int MAX_ROWS = 40;

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 210;
    private static final int PLOT_START = LABEL_WIDTH + 10;
    private static final int PLOT_END = WIDTH - 20;
    private static final int TOP = 34;
    private static final int ROW = 24;

    /** The chart of {@code cases} (the queue, in its order) as of {@code now}; cases without a running clock are left out. */
    static DeadlineChart of(List<FscaCaseSummary> cases, Instant now) {
        List<FscaCaseSummary> timed =
                cases.stream().filter(c -> c.nearestClock() != null).toList();
        List<FscaCaseSummary> rows = timed.subList(0, Math.min(MAX_ROWS, timed.size()));
        TimeAxis axis = TimeAxis.days(
                rows.stream()
                        .map(c -> c.nearestClock().deadline())
                        .reduce(now.minus(Duration.ofDays(1)), (a, b) -> a.isBefore(b) ? a : b),
                rows.stream()
                        .map(c -> c.nearestClock().deadline())
                        .reduce(now.plus(Duration.ofDays(7)), (a, b) -> a.isAfter(b) ? a : b),
                PLOT_START,
                PLOT_END);
        int height = TOP + Math.max(1, rows.size()) * ROW + 10;

        StringBuilder svg = Svg.start(
                        "deadline-chart",
                        WIDTH,
                        height,
                        "Reporting deadlines of the open cases, with today's line",
                        description(rows, timed.size(), now))
                .append(axis.ticks(TOP, height - 10));
        for (int i = 0; i < rows.size(); i++) {
            FscaCaseSummary fsca = rows.get(i);
            ClockResponse clock = fsca.nearestClock();
            int y = TOP + i * ROW + ROW / 2;
            int x = axis.x(clock.deadline());
            String color = clock.overdue() ? Svg.RED : ConsoleLabels.dueSoon(clock) ? Svg.AMBER : Svg.BLUE;
            svg.append("<g class=\"deadline\" data-case=\"")
                    .append(Svg.escape(fsca.caseId()))
                    .append("\">")
                    .append(Svg.text(LABEL_WIDTH, y + 4, "end", Svg.INK, label(fsca)))
                    .append(Svg.line(axis.x(now), y, x, y, color, " stroke-width=\"2\""))
                    .append("<circle cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"6\" fill=\"")
                    .append(color)
                    .append("\"><title>")
                    .append(Svg.escape(words(fsca)))
                    .append("</title></circle></g>");
        }
        int today = axis.x(now);
        svg.append(Svg.line(
                        today, TOP - 22, today, height - 4, Svg.RED, " stroke-width=\"2\" stroke-dasharray=\"4 3\""))
                .append("<text id=\"today-line\" x=\"")
                .append(today + 4)
                .append("\" y=\"")
                .append(TOP - 22)
                .append("\" font-size=\"12\" fill=\"#b00020\">Today</text>")
                .append("</svg>");
        return new DeadlineChart(new RawString(svg.toString()), rows.size(), timed.size());
    }

    /** Every deadline drawn, in words: the chart's text alternative. */
    static String description(List<FscaCaseSummary> rows, int total, Instant now) {
        if (rows.isEmpty()) {
            return "No open case has a running reporting clock.";
        }
        StringBuilder text = new StringBuilder()
                .append(rows.size() == total ? "All " + total : "The " + rows.size() + " nearest of " + total)
                .append(" reporting deadlines of the open cases, as of ")
                .append(ConsoleLabels.display(now))
                .append(": ");
        for (int i = 0; i < rows.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(words(rows.get(i)));
        }
        return text.append('.').toString();
    }

    private static String label(FscaCaseSummary fsca) {
        String label = fsca.productId() + " " + ConsoleLabels.shortId(fsca.problemId());
        return label.length() <= 32 ? label : label.substring(0, 31) + "\u2026";
    }

    private static String words(FscaCaseSummary fsca) {
        ClockResponse clock = fsca.nearestClock();
        return fsca.productId() + ", problem " + ConsoleLabels.shortId(fsca.problemId()) + ": "
                + ConsoleLabels.regimeName(clock.regime()) + " " + clock.basis() + " due "
                + ConsoleLabels.display(clock.deadline()) + ", " + ConsoleLabels.remaining(clock);
    }
}
