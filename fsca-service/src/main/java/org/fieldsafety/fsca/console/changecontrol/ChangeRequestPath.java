package org.fieldsafety.fsca.console.changecontrol;

import io.quarkus.qute.RawString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ChangeRequest;

/**
 * A change request's path through its states (as change control moves it: raised, impact analysed, approved by the change
 * control board, implemented, verified, released, communicated, closed), drawn on the server as SVG (no
 * script, no network): each state reached with its time, the one it is in marked, those ahead grey. A
 * reclassification sends the change back to its impact analysis: the path shows the
 * analysis as required again. Its text alternative is the SVG's {@code title} and {@code desc} and the list
 * of {@link #stages} the page shows beside it.
 */
public record ChangeRequestPath(List<Stage> stages, RawString svg) {

    /** Where a stage stands: reached, the one the change request is in, or still ahead. */
    public enum Mark {
        REACHED,
        CURRENT,
        AHEAD
    }

    /** One state of the path: when and by whom it was reached (null while ahead). */
    public record Stage(String status, String label, Instant at, String by, Mark mark) {}

    private static final List<String> STATES = List.of(
            "RAISED", "IMPACT_ANALYSED", "APPROVED", "IMPLEMENTED", "VERIFIED", "RELEASED", "COMMUNICATED", "CLOSED");
    private static final List<String> LABELS = List.of(
            "Raised",
            "Impact analysed",
            "Approved (CCB)",
            "Implemented",
            "Verified",
            "Released",
            "Communicated",
            "Closed");
    private static final int WIDTH = 760;
    private static final int MARGIN = 50;
    private static final int LINE_Y = 50;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The path of {@code change} as it is now. */
    public static ChangeRequestPath of(ChangeRequest change) {
        boolean analysisAgain = "IMPACT_ANALYSIS_REQUIRED".equals(change.status());
        int current = analysisAgain ? 1 : Math.max(0, STATES.indexOf(change.status()));
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < STATES.size(); i++) {
            Mark mark = i < current ? Mark.REACHED : i == current ? Mark.CURRENT : Mark.AHEAD;
            String label = i == 1 && analysisAgain ? "Impact analysis required again (reclassified)" : LABELS.get(i);
            boolean shown = mark != Mark.AHEAD && !(i == 1 && analysisAgain);
            stages.add(
                    new Stage(STATES.get(i), label, shown ? at(change, i) : null, shown ? by(change, i) : null, mark));
        }
        return new ChangeRequestPath(stages, new RawString(svg(stages, change.status())));
    }

    /** The path in words: the SVG's description. */
    static String description(List<Stage> stages) {
        StringBuilder text = new StringBuilder();
        for (Stage stage : stages) {
            text.append(text.isEmpty() ? "" : "; ").append(stage.label()).append(": ");
            text.append(
                    switch (stage.mark()) {
                        case REACHED -> "done" + (stage.at() == null ? "" : " " + DAY.format(stage.at()));
                        case CURRENT ->
                            "current state" + (stage.at() == null ? "" : " since " + DAY.format(stage.at()));
                        case AHEAD -> "ahead";
                    });
        }
        return text.append('.').toString();
    }

    private static String svg(List<Stage> stages, String status) {
        int step = (WIDTH - 2 * MARGIN) / (stages.size() - 1);
        StringBuilder svg = new StringBuilder()
                .append(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"change-request-path\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(" 110\" aria-labelledby=\"change-request-path-title change-request-path-desc\">")
                .append("<title id=\"change-request-path-title\">The change request's path through its states, now ")
                .append(escape(status))
                .append("</title><desc id=\"change-request-path-desc\">")
                .append(escape(description(stages)))
                .append("</desc>")
                .append("<line x1=\"")
                .append(MARGIN)
                .append("\" y1=\"")
                .append(LINE_Y)
                .append("\" x2=\"")
                .append(WIDTH - MARGIN)
                .append("\" y2=\"")
                .append(LINE_Y)
                .append("\" stroke=\"#8a94a3\" stroke-width=\"3\"/>");
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            int x = MARGIN + i * step;
            String fill =
                    switch (stage.mark()) {
                        case REACHED -> "#1f3a5f";
                        case CURRENT -> "#f0b400";
                        case AHEAD -> "#ffffff";
                    };
            int labelY = i % 2 == 0 ? LINE_Y - 34 : LINE_Y + 30;
            svg.append("<g class=\"stage stage-")
                    .append(stage.mark().name().toLowerCase(Locale.ROOT))
                    .append("\" data-status=\"")
                    .append(escape(stage.status()))
                    .append("\"><circle cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(LINE_Y)
                    .append("\" r=\"")
                    .append(stage.mark() == Mark.CURRENT ? 11 : 8)
                    .append("\" fill=\"")
                    .append(fill)
                    .append("\" stroke=\"#1f3a5f\" stroke-width=\"2\"/><text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(labelY)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1f24\"")
                    .append(stage.mark() == Mark.CURRENT ? " font-weight=\"700\"" : "")
                    .append('>')
                    .append(escape(
                            i == 1 && "IMPACT_ANALYSIS_REQUIRED".equals(status) ? "Analysis again" : LABELS.get(i)))
                    .append("</text>");
            if (stage.at() != null) {
                svg.append("<text x=\"")
                        .append(x)
                        .append("\" y=\"")
                        .append(labelY + 14)
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">")
                        .append(DAY.format(stage.at()))
                        .append("</text>");
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static Instant at(ChangeRequest change, int state) {
        return switch (state) {
            case 0 -> change.raisedAt();
            case 1 ->
                change.impactAnalysis() == null ? null : change.impactAnalysis().analysedAt();
            case 2 ->
                change.approval() == null ? null : change.approval().signature().signedAt();
            case 3 ->
                change.implementation() == null ? null : change.implementation().implementedAt();
            case 4 ->
                change.verification() == null ? null : change.verification().recordedAt();
            case 5 -> change.release() == null ? null : change.release().releasedAt();
            case 6 ->
                change.communication() == null ? null : change.communication().sentAt();
            default -> change.closure() == null ? null : change.closure().closedAt();
        };
    }

    private static String by(ChangeRequest change, int state) {
        return switch (state) {
            case 0 -> change.requestedBy();
            case 1 ->
                change.impactAnalysis() == null ? null : change.impactAnalysis().analysedBy();
            case 2 ->
                change.approval() == null ? null : change.approval().signature().printedName();
            case 3 ->
                change.implementation() == null ? null : change.implementation().implementedBy();
            case 4 ->
                change.verification() == null ? null : change.verification().recordedBy();
            case 5 -> change.release() == null ? null : change.release().releasedBy();
            case 6 ->
                change.communication() == null ? null : change.communication().recordedBy();
            default -> change.closure() == null ? null : change.closure().closedBy();
        };
    }

    /** Text safe inside SVG elements and attribute values. */
    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
