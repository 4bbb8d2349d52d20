package org.fieldsafety.fsca.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What the console's charts draw with: server-side SVG (no script, no network), every text escaped, a time
 * axis with its day ticks. Each chart names itself with {@code title} and {@code desc}, its text alternative.
 */
final class Svg {

    static final String INK = "#1b1f24";
    static final String MUTED = "#555";
    static final String GRID = "#dde1e6";
    static final String BLUE = "#1f3a5f";
    static final String RED = "#b00020";
    static final String AMBER = "#8a5a00";

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Svg() {}

    /**
     * The opening of a chart {@code id} of {@code width} by {@code height}, an image named by its {@code title}
     * and described by {@code desc} (both escaped here).
     */
    static StringBuilder start(String id, int width, int height, String title, String desc) {
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
                .append(id)
                .append("\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(desc))
                .append("</desc>");
    }

    static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + color + "\"" + extra + "/>";
    }

    static String text(double x, double y, String anchor, String color, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"12\" fill=\""
                + color + "\">" + escape(content) + "</text>";
    }

    /** A number as SVG writes it: whole, or to one decimal. */
    static String num(double value) {
        long whole = Math.round(value);
        return Math.abs(value - whole) < 0.05 ? Long.toString(whole) : String.format(Locale.ROOT, "%.1f", value);
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

    /**
     * Times from {@code start} to {@code end} onto the plot's width, from {@code left} to {@code right}.
     */
    record TimeAxis(Instant start, Instant end, int left, int right) {

        /** The axis from the day of {@code first} to the end of the day of {@code last}. */
        static TimeAxis days(Instant first, Instant last, int left, int right) {
            return new TimeAxis(
                    first.truncatedTo(ChronoUnit.DAYS),
                    last.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)),
                    left,
                    right);
        }

        int x(Instant at) {
            double share = (double) Duration.between(start, at).toSeconds()
                    / Duration.between(start, end).toSeconds();
            return left + (int) Math.round(share * (right - left));
        }

        /** A grid line and a day label ("10 May") every day, week or 30 days, as the span needs. */
        String ticks(int top, int bottom) {
            long days = Duration.between(start, end).toDays();
            long step = days <= 14 ? 1 : days <= 70 ? 7 : 30;
            StringBuilder ticks = new StringBuilder();
            for (Instant tick = start; !tick.isAfter(end); tick = tick.plus(Duration.ofDays(step))) {
                int x = x(tick);
                ticks.append(line(x, top - 6, x, bottom, GRID, ""))
                        .append(text(x, top - 10, "middle", MUTED, DAY.format(tick)));
            }
            return ticks.toString();
        }
    }
}
