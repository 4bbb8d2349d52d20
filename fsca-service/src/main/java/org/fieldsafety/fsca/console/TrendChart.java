package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.fieldsafety.fsca.cases.TrendSignal;

/**
 * The case page's picture of its problem's trend (MDR Art. 88): for each trend signal the case holds, the
 * reports observed in the signal's window as a solid bar beside the reports the baseline expected there as
 * an outlined one, the windows in the order the signals were raised, each marked as a signal. Drawn from the
 * case's own signals (triage, which counts every report, sends a signal only when a window's count is
 * significant), on the server as SVG; its text alternative is the {@code title} and {@code desc} it carries
 * and the trend signals' table beside it. At most {@value #MAX_WINDOWS} windows, the latest.
 *
 * @param svg the drawing, safe to insert into the page as it is (every text is escaped)
 * @param shown how many windows it draws
 */
record TrendChart(RawString svg, int shown) {

    static final int MAX_WINDOWS = 12;

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 50;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 30;
    private static final int BOTTOM = HEIGHT - 60;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The chart of {@code signals}; null when there is none. */
    static TrendChart of(List<TrendSignal> signals) {
        if (signals.isEmpty()) {
            return null;
        }
        List<TrendSignal> sorted = signals.stream()
                .sorted(Comparator.comparing(TrendSignal::raisedAt))
                .toList();
        List<TrendSignal> windows = sorted.subList(Math.max(0, sorted.size() - MAX_WINDOWS), sorted.size());
        double top = Math.max(
                1,
                windows.stream()
                        .mapToDouble(s -> Math.max(s.observed(), s.expected()))
                        .max()
                        .orElse(1));
        StringBuilder svg = Svg.start(
                        "trend-chart",
                        WIDTH,
                        HEIGHT,
                        "Reports observed against the reports expected in each trend signal's window",
                        description(windows, sorted.size()))
                .append(Svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, Svg.MUTED, ""));
        for (double count : List.of(0.0, Math.ceil(top / 2), Math.ceil(top))) {
            svg.append(Svg.line(LEFT, y(count, top), RIGHT, y(count, top), Svg.GRID, ""))
                    .append(Svg.text(LEFT - 6, y(count, top) + 4, "end", Svg.MUTED, Svg.num(count)));
        }
        double group = (double) (RIGHT - LEFT) / windows.size();
        double bar = Math.min(40, group / 3);
        for (int i = 0; i < windows.size(); i++) {
            TrendSignal signal = windows.get(i);
            double middle = LEFT + group * i + group / 2;
            svg.append("<g class=\"trend-window\" data-signal=\"")
                    .append(Svg.escape(signal.signalId()))
                    .append("\"><title>")
                    .append(Svg.escape(words(signal)))
                    .append("</title>")
                    .append(rect(middle - bar, y(signal.observed(), top), bar, Svg.BLUE, Svg.BLUE))
                    .append(rect(middle, y(signal.expected(), top), bar, "#fff", Svg.MUTED))
                    .append(Svg.text(
                            middle - bar / 2,
                            y(signal.observed(), top) - 4,
                            "middle",
                            Svg.INK,
                            Long.toString(signal.observed())))
                    .append(Svg.text(
                            middle,
                            BOTTOM + 16,
                            "middle",
                            Svg.INK,
                            DAY.format(signal.windowStart()) + "\u2013" + DAY.format(signal.windowEnd())))
                    .append(Svg.text(middle, BOTTOM + 30, "middle", Svg.RED, "\u25b2 signal"))
                    .append("</g>");
        }
        int legend = HEIGHT - 8;
        svg.append(swatch(LEFT, legend - 10, Svg.BLUE, Svg.BLUE))
                .append(Svg.text(LEFT + 18, legend, "start", Svg.INK, "Reports observed"))
                .append(swatch(LEFT + 160, legend - 10, "#fff", Svg.MUTED))
                .append(Svg.text(LEFT + 178, legend, "start", Svg.INK, "Reports expected (baseline)"))
                .append("</svg>");
        return new TrendChart(new RawString(svg.toString()), windows.size());
    }

    /** Every window drawn, in words: the chart's text alternative. */
    static String description(List<TrendSignal> windows, int total) {
        StringBuilder text = new StringBuilder(
                        windows.size() == total ? "All " + total : "The latest " + windows.size() + " of " + total)
                .append(" trend signals of the problem: ");
        for (int i = 0; i < windows.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(words(windows.get(i)));
        }
        return text.append('.').toString();
    }

    private static String words(TrendSignal signal) {
        return signal.observed() + " reports of " + signal.softwareItem() + " " + signal.faultCode() + " from "
                + ConsoleLabels.display(signal.windowStart()) + " to " + ConsoleLabels.display(signal.windowEnd())
                + " against " + signal.expectedReports() + " expected (" + signal.method() + "), signal raised "
                + ConsoleLabels.display(signal.raisedAt());
    }

    /** A bar from the axis up to {@code y}. */
    private static String rect(double x, double y, double width, String fill, String stroke) {
        return box(x, y, width, BOTTOM - y, fill, stroke);
    }

    /** The legend's sample of a bar. */
    private static String swatch(double x, double y, String fill, String stroke) {
        return box(x, y, 12, 12, fill, stroke);
    }

    private static String box(double x, double y, double width, double height, String fill, String stroke) {
        return "<rect x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" width=\"" + Svg.num(width) + "\" height=\""
                + Svg.num(height) + "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\"/>";
    }

    private static double y(double count, double top) {
        return BOTTOM - count / top * (BOTTOM - TOP);
    }
}
