package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseSummary;

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
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The chart of {@code cases} (the queue, in its order) as of {@code now}; cases without a running clock are left out. */
    static DeadlineChart of(List<FscaCaseSummary> cases, Instant now) {
        List<FscaCaseSummary> timed =
                cases.stream().filter(c -> c.nearestClock() != null).toList();
        List<FscaCaseSummary> rows = timed.subList(0, Math.min(MAX_ROWS, timed.size()));
        Instant start = rows.stream()
                .map(c -> c.nearestClock().deadline())
                .reduce(now.minus(Duration.ofDays(1)), (a, b) -> a.isBefore(b) ? a : b)
                .truncatedTo(ChronoUnit.DAYS);
        Instant end = rows.stream()
                .map(c -> c.nearestClock().deadline())
                .reduce(now.plus(Duration.ofDays(7)), (a, b) -> a.isAfter(b) ? a : b)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(1));
        Axis axis = new Axis(start, end);
        int height = TOP + Math.max(1, rows.size()) * ROW + 10;

        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"deadline-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"deadline-chart-title deadline-chart-desc\">")
                .append(
                        "<title id=\"deadline-chart-title\">Reporting deadlines of the open cases, with today's line</title>")
                .append("<desc id=\"deadline-chart-desc\">")
                .append(escape(description(rows, timed.size(), now)))
                .append("</desc>");
        long stepDays = axis.days() <= 14 ? 1 : axis.days() <= 70 ? 7 : 30;
        for (Instant tick = start; !tick.isAfter(end); tick = tick.plus(Duration.ofDays(stepDays))) {
            int x = axis.x(tick);
            svg.append(line(x, TOP - 6, x, height - 10, "#dde1e6", ""))
                    .append(text(x, TOP - 10, "middle", "#555", DAY.format(tick)));
        }
        for (int i = 0; i < rows.size(); i++) {
            FscaCaseSummary fsca = rows.get(i);
            ClockResponse clock = fsca.nearestClock();
            int y = TOP + i * ROW + ROW / 2;
            int x = axis.x(clock.deadline());
            String color = clock.overdue() ? "#b00020" : ConsoleLabels.dueSoon(clock) ? "#8a5a00" : "#1f3a5f";
            svg.append("<g class=\"deadline\" data-case=\"")
                    .append(escape(fsca.caseId()))
                    .append("\">")
                    .append(text(LABEL_WIDTH, y + 4, "end", "#1b1f24", label(fsca)))
                    .append(line(axis.x(now), y, x, y, color, " stroke-width=\"2\""))
                    .append("<circle cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"6\" fill=\"")
                    .append(color)
                    .append("\"><title>")
                    .append(escape(words(fsca)))
                    .append("</title></circle></g>");
        }
        int today = axis.x(now);
        svg.append(line(today, TOP - 22, today, height - 4, "#b00020", " stroke-width=\"2\" stroke-dasharray=\"4 3\""))
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

    private static String line(int x1, int y1, int x2, int y2, String color, String extra) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"" + color + "\""
                + extra + "/>";
    }

    private static String text(int x, int y, String anchor, String color, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"12\" fill=\"" + color
                + "\">" + escape(content) + "</text>";
    }

    /** Text safe inside SVG elements and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Times from {@code start} to {@code end} onto the plot's width. */
    private record Axis(Instant start, Instant end) {

        long days() {
            return Duration.between(start, end).toDays();
        }

        int x(Instant at) {
            double share = (double) Duration.between(start, at).toSeconds()
                    / Duration.between(start, end).toSeconds();
            return PLOT_START + (int) Math.round(share * (PLOT_END - PLOT_START));
        }
    }
}
