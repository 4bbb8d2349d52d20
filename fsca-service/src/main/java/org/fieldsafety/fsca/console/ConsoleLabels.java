package org.fieldsafety.fsca.console;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.ClockState;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.IncidentResponse;

/** What the console's templates show instead of codes: words, readable times and derived facts. */
@TemplateExtension
final class ConsoleLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> REGIMES = Map.of(
            "EU_MDR", "EU MDR", "US_FDA", "US FDA", "UK_MHRA", "UK MHRA", "CA_HC", "Health Canada", "AU_TGA", "TGA");

    private ConsoleLabels() {}

    static String label(FscaDecision decision) {
        return switch (decision) {
            case FSCA_REQUIRED -> "Field safety corrective action required";
            case NO_FSCA -> "No field safety corrective action";
        };
    }

    static String label(FscaAction action) {
        return switch (action) {
            case SOFTWARE_UPDATE -> "Software update";
            case DEVICE_RECALL -> "Recall of the devices";
            case DEVICE_MODIFICATION -> "Modification of the devices";
            case ADVICE_ON_USE -> "Advice on use";
            case DEVICE_EXCHANGE -> "Exchange of the devices";
        };
    }

    static String label(CaseStatus status) {
        return switch (status) {
            case OPEN -> "Open: waiting for a decision";
            case DECIDED -> "Decided";
            case AUTHORITY_NOTIFIED -> "Authority notified";
            case FSN_ISSUED -> "Field Safety Notice issued";
            case EFFECTIVENESS_VERIFIED -> "Effectiveness verified";
            case CLOSED -> "Closed";
        };
    }

    static String label(ClockState state) {
        return switch (state) {
            case OPEN -> "Open";
            case NOT_REPORTABLE -> "Not reportable";
            case SUBMITTED -> "Submitted";
            case MISSED -> "MISSED";
        };
    }

    static String regimeName(String regime) {
        return REGIMES.getOrDefault(regime, regime);
    }

    /** A code such as {@code UNACCEPTABLE} or {@code AS_LOW_AS_POSSIBLE} in words. */
    static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ENGLISH);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A step's name such as {@code ChangeApproved} in words ("Change approved"). */
    static String step(String name) {
        return words(name.replaceAll("(?<=[a-z])(?=[A-Z])", "_"));
    }

    static String display(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /**
     * A time as every console page shows it: {@code <time datetime="...Z" title="... UTC">} with the UTC text,
     * which the layout's script rewrites into the browser's time zone, the UTC text staying on hover. Nothing
     * for no time.
     */
    static RawString time(Instant at) {
        if (at == null) {
            return new RawString("");
        }
        String utc = display(at);
        return new RawString("<time datetime=\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\" title=\"" + utc + "\">"
                + utc + "</time>");
    }

    /** The first 8 characters of an id, enough to tell cases apart on screen. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    /** The incident with the highest risk (severity x probability): the case's cell of the risk matrix. */
    static IncidentResponse worstIncident(FscaCaseResponse fsca) {
        return fsca.incidents().stream()
                .max(Comparator.comparingInt(i -> i.severity() * i.probability()))
                .orElse(null);
    }

    /**
     * "3 days 4 hours left", "5 hours 20 minutes left" (under a day) or "OVERDUE by 1 day 2 hours"; nothing for
     * a clock that ended.
     */
    static String remaining(ClockResponse clock) {
        return clock.timeLeft() == null ? "" : remaining(Duration.parse(clock.timeLeft()));
    }

    static String remaining(Duration left) {
        Duration abs = left.abs();
        String span = abs.toDays() > 0
                ? count(abs.toDays(), "day") + " " + count(abs.toHoursPart(), "hour")
                : count(abs.toHoursPart(), "hour") + " " + count(abs.toMinutesPart(), "minute");
        return left.isNegative() ? "OVERDUE by " + span : span + " left";
    }

    /** A clock that runs out within a day: the console marks it so it stands out before it is overdue. */
    static boolean dueSoon(ClockResponse clock) {
        if (clock.timeLeft() == null) {
            return false;
        }
        Duration left = Duration.parse(clock.timeLeft());
        return !left.isNegative() && left.compareTo(Duration.ofDays(1)) < 0;
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
