package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.fsca.console.Svg.TimeAxis;

/**
 * The case page's picture of its Field Safety Notices reaching their recipients: the acknowledgements of
 * receipt over time as a rising line of steps against the number of recipients (which rises with each
 * follow-up notice), each failed delivery a red mark on the time axis, today at the right end. Drawn on the
 * server as SVG; its text alternative is the {@code title} and {@code desc} it carries (every notice,
 * acknowledgement and failure in words) and the recipients' table beside it.
 *
 * @param svg the drawing, safe to insert into the page as it is (every text is escaped)
 * @param recipients how many recipients the notices have
 * @param acknowledged how many of them acknowledged receipt
 * @param failures how many deliveries failed
 */
record AcknowledgementChart(RawString svg, int recipients, int acknowledged, int failures) {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 50;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 34;
    private static final int BOTTOM = HEIGHT - 40;

    /** The chart of a case's {@code notices} and their failed {@code deliveries} as of {@code now}; null without a notice. */
    static AcknowledgementChart of(
            List<FscaCaseView.Notice> notices, List<FscaCaseView.DeliveryFailure> deliveries, Instant now) {
        if (notices.isEmpty()) {
            return null;
        }
        List<Step> issued = notices.stream()
                .map(n -> new Step(n.signature().signedAt(), n.recipients().size()))
                .sorted(Comparator.comparing(Step::at))
                .toList();
        List<Instant> acknowledgements = notices.stream()
                .flatMap(n -> n.acknowledgements().stream())
                .map(FscaCaseView.Acknowledgement::acknowledgedAt)
                .sorted()
                .toList();
        List<FscaCaseView.DeliveryFailure> failures = deliveries.stream()
                .sorted(Comparator.comparing(FscaCaseView.DeliveryFailure::failedAt))
                .toList();
        int recipients = issued.stream().mapToInt(Step::count).sum();
        Instant first = issued.get(0).at();
        Instant last = latest(now, acknowledgements, failures);
        TimeAxis axis = TimeAxis.days(first, last, LEFT, RIGHT);
        int top = Math.max(1, recipients);

        StringBuilder svg = Svg.start(
                        "acknowledgement-chart",
                        WIDTH,
                        HEIGHT,
                        "Acknowledgements of the Field Safety Notices over time against their recipients",
                        description(notices, failures, recipients, acknowledgements.size(), now))
                .append(axis.ticks(TOP, BOTTOM));
        for (int count : List.of(0, top / 2, top)) {
            svg.append(Svg.text(LEFT - 6, y(count, top) + 4, "end", Svg.MUTED, Integer.toString(count)));
        }
        svg.append(Svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, Svg.MUTED, ""))
                .append(path(
                        "recipients-line",
                        steps(issued, axis, top, first, last),
                        Svg.MUTED,
                        " stroke-dasharray=\"6 4\""))
                .append(path(
                        "acknowledged-line",
                        steps(
                                acknowledgements.stream()
                                        .map(at -> new Step(at, 1))
                                        .toList(),
                                axis,
                                top,
                                first,
                                last),
                        Svg.BLUE,
                        ""));
        for (FscaCaseView.DeliveryFailure failure : failures) {
            int x = axis.x(failure.failedAt());
            svg.append("<g class=\"delivery-failure\"><path d=\"M")
                    .append(x - 5)
                    .append(' ')
                    .append(BOTTOM + 4)
                    .append(" l10 10 m0 -10 l-10 10\" stroke=\"")
                    .append(Svg.RED)
                    .append("\" stroke-width=\"2\"><title>")
                    .append(Svg.escape(failureWords(failure)))
                    .append("</title></path></g>");
        }
        int legend = HEIGHT - 8;
        svg.append(Svg.line(LEFT, legend - 4, LEFT + 24, legend - 4, Svg.MUTED, " stroke-dasharray=\"6 4\""))
                .append(Svg.text(LEFT + 30, legend, "start", Svg.INK, "Recipients"))
                .append(Svg.line(LEFT + 130, legend - 4, LEFT + 154, legend - 4, Svg.BLUE, " stroke-width=\"2\""))
                .append(Svg.text(LEFT + 160, legend, "start", Svg.INK, "Acknowledged"))
                .append(Svg.text(LEFT + 290, legend, "start", Svg.RED, "\u00d7 failed delivery"))
                .append("</svg>");
        return new AcknowledgementChart(
                new RawString(svg.toString()), recipients, acknowledgements.size(), failures.size());
    }

    /** Every notice, acknowledgement and failed delivery in words: the chart's text alternative. */
    static String description(
            List<FscaCaseView.Notice> notices,
            List<FscaCaseView.DeliveryFailure> failures,
            int recipients,
            int acknowledged,
            Instant now) {
        StringBuilder text = new StringBuilder()
                .append(acknowledged)
                .append(" of ")
                .append(recipients)
                .append(" recipients acknowledged receipt as of ")
                .append(ConsoleLabels.display(now))
                .append('.');
        for (FscaCaseView.Notice notice : notices) {
            text.append(" Notice ")
                    .append(notice.notice().reference())
                    .append(" issued ")
                    .append(ConsoleLabels.display(notice.signature().signedAt()))
                    .append(" to ")
                    .append(notice.recipients().size())
                    .append(notice.recipients().size() == 1 ? " recipient" : " recipients");
            notice.acknowledgements().forEach(a -> text.append("; ")
                    .append(a.recipient())
                    .append(" acknowledged ")
                    .append(ConsoleLabels.display(a.acknowledgedAt())));
            text.append('.');
        }
        failures.forEach(f -> text.append(' ').append(failureWords(f)).append('.'));
        return text.toString();
    }

    private static String failureWords(FscaCaseView.DeliveryFailure failure) {
        return "Delivery to " + failure.recipient() + " failed " + ConsoleLabels.display(failure.failedAt())
                + " (attempt " + failure.attempt() + (failure.finalFailure() ? ", final" : "") + "): "
                + failure.reason();
    }

    private static Instant latest(
            Instant now, List<Instant> acknowledgements, List<FscaCaseView.DeliveryFailure> failures) {
        List<Instant> times = new ArrayList<>(acknowledgements);
        failures.forEach(f -> times.add(f.failedAt()));
        times.add(now);
        return times.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The line that starts at zero at {@code from}, rises by each step's count at its time, flat to {@code last}. */
    private static String steps(List<Step> steps, TimeAxis axis, int top, Instant from, Instant last) {
        StringBuilder d =
                new StringBuilder("M").append(axis.x(from)).append(' ').append(Svg.num(y(0, top)));
        int total = 0;
        for (Step step : steps) {
            int x = axis.x(step.at());
            d.append(" H").append(x);
            total += step.count();
            d.append(" V").append(Svg.num(y(total, top)));
        }
        return d.append(" H").append(axis.x(last)).toString();
    }

    private static String path(String id, String d, String color, String extra) {
        return "<path id=\"" + id + "\" d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\""
                + extra + "/>";
    }

    private static double y(int count, int top) {
        return BOTTOM - (double) count / top * (BOTTOM - TOP);
    }

    /** Something that happened at {@code at} and counts {@code count}: a notice's recipients, an acknowledgement. */
    private record Step(Instant at, int count) {}
}
