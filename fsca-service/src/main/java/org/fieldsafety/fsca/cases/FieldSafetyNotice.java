package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Field Safety Notice of an FSCA with the minimum content of MDR Art. 89(8) and MDCG 2023-3 (see
 * docs/regulatory-rules.md): header and unique reference, date, device identification (the product's name,
 * its UDI-DI and the range of affected software versions), the manufacturer (its single registration
 * number, SRN, MDR Art. 31), the problem and the risk, the reason for the action, actions for the
 * recipients and of the manufacturer, contact, a request to pass it on, and a receipt acknowledgement. A
 * case issues its first notice and may issue follow-ups (e.g. when the fix ships), numbered from 1. Pure:
 * composed from the case's facts and the issuer's instructions.
 */
public record FieldSafetyNotice(
        String header,
        String reference,
        int number,
        LocalDate date,
        String device,
        String productId,
        String udiDi,
        List<String> affectedSoftware,
        String manufacturerSrn,
        String problem,
        String risk,
        String reason,
        String recipientActions,
        String manufacturerActions,
        String contact,
        String passOn,
        String acknowledgement) {

    static final String CONTACT_AT_ISSUE = "(named when the notice is issued)";

    /**
     * What the case knows when its notice {@code number} is written, {@code findings} one per incident;
     * {@code product} null when the registry does not know the product.
     */
    public record Facts(
            String caseId,
            String productId,
            RegisteredProduct product,
            String manufacturerSrn,
            int number,
            List<Finding> findings,
            List<TrendSignal> trendSignals,
            FscaAction action,
            String rationale,
            String assessment,
            boolean urgent) {}

    /** What a notice names of one incident ({@link Incident#finding}): its software, fault and hazard. */
    public record Finding(String softwareItem, String softwareVersion, String faultCode, String hazard) {}

    /** What the issuer adds; absent actions default to those of the FSCA's kind, an absent contact stays open. */
    public record Instructions(String recipientActions, String manufacturerActions, String contact) {}

    public static FieldSafetyNotice compose(Facts facts, Instructions instructions, Instant date) {
        Instructions given = instructions == null ? new Instructions(null, null, null) : instructions;
        String first = reference(facts.caseId(), 1);
        String reference = reference(facts.caseId(), facts.number());
        return new FieldSafetyNotice(
                (facts.urgent() ? "URGENT " : "")
                        + (facts.number() == 1
                                ? "FIELD SAFETY NOTICE " + reference
                                : "FOLLOW-UP FIELD SAFETY NOTICE " + reference + " (to " + first + ")"),
                reference,
                facts.number(),
                LocalDate.ofInstant(date, ZoneOffset.UTC),
                facts.product() == null ? facts.productId() : facts.product().name(),
                facts.productId(),
                facts.product() == null ? null : facts.product().udiDi(),
                affectedSoftware(facts),
                facts.manufacturerSrn(),
                problem(facts),
                risk(facts),
                facts.rationale(),
                Objects.requireNonNullElse(given.recipientActions(), recipientActions(facts.action())),
                Objects.requireNonNullElse(given.manufacturerActions(), manufacturerActions(facts.action())),
                Objects.requireNonNullElse(given.contact(), CONTACT_AT_ISSUE),
                "Pass this notice on to everyone in your organisation who needs to know, and to any organisation"
                        + " to which the affected devices have been transferred.",
                "Confirm receipt of notice " + reference + " to the contact above, even if you no longer hold"
                        + " an affected device.");
    }

    /** A notice's reference: {@code FSN-<caseId>} for the first, {@code FSN-<caseId>-<n>} for a follow-up. */
    public static String reference(String caseId, int number) {
        return "FSN-" + caseId + (number == 1 ? "" : "-" + number);
    }

    /**
     * Per software item of the incidents, the range of software versions they report ("4.1.0 to 4.2.1", or
     * the one version), in version order; a trend's item where no incident names it.
     */
    private static List<String> affectedSoftware(Facts facts) {
        Map<String, List<String>> versions = facts.findings().stream()
                .filter(i -> i.softwareItem() != null)
                .collect(Collectors.groupingBy(
                        Finding::softwareItem, Collectors.mapping(Finding::softwareVersion, Collectors.toList())));
        Stream<String> reported = versions.entrySet().stream().map(e -> e.getKey() + range(e.getValue()));
        Stream<String> trended = facts.trendSignals().stream()
                .map(TrendSignal::softwareItem)
                .filter(Objects::nonNull)
                .filter(item -> !versions.containsKey(item));
        return Stream.concat(reported, trended).distinct().sorted().toList();
    }

    private static String range(List<String> reported) {
        List<String> known = reported.stream()
                .filter(Objects::nonNull)
                .distinct()
                .sorted(VERSION_ORDER)
                .toList();
        if (known.isEmpty()) {
            return "";
        }
        String first = known.get(0);
        String last = known.get(known.size() - 1);
        return " " + (first.equals(last) ? first : first + " to " + last);
    }

    /** Versions part by part ("4.10" after "4.9"): numbers by value, other parts as text, a prefix first. */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] x = a.split("[.\\-_+]");
        String[] y = b.split("[.\\-_+]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean numbers = x[i].matches("\\d{1,18}") && y[i].matches("\\d{1,18}");
            int order = numbers ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private static String problem(Facts facts) {
        String faults = Stream.concat(
                        facts.findings().stream().map(Finding::faultCode),
                        facts.trendSignals().stream().map(TrendSignal::faultCode))
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        String trends = facts.trendSignals().stream()
                .map(t -> String.format(
                        Locale.ROOT,
                        " A significant increase: %d reports from %s to %s, where %s were expected.",
                        t.observed(),
                        LocalDate.ofInstant(t.windowStart(), ZoneOffset.UTC),
                        LocalDate.ofInstant(t.windowEnd(), ZoneOffset.UTC),
                        t.expectedReports()))
                .collect(Collectors.joining());
        return facts.findings().size() + " reported incident(s) with " + facts.productId()
                + (faults.isEmpty() ? "" : ", fault " + faults) + "." + trends;
    }

    private static String risk(Facts facts) {
        String hazards = facts.findings().stream()
                .map(Finding::hazard)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        String risk = hazards.isEmpty() ? "See the health hazard assessment." : "Hazard: " + hazards + ".";
        return facts.assessment() == null ? risk : risk + " " + facts.assessment();
    }

    private static String recipientActions(FscaAction action) {
        return switch (action) {
            case SOFTWARE_UPDATE ->
                "Install the corrected software version as soon as it is provided; until then"
                        + " follow the advice in this notice.";
            case DEVICE_RECALL ->
                "Stop using the affected devices, quarantine them and return them to the" + " manufacturer.";
            case DEVICE_MODIFICATION -> "Make the affected devices available for modification by the manufacturer.";
            case ADVICE_ON_USE -> "Follow the advice on use in this notice and inform all users.";
            case DEVICE_EXCHANGE -> "Keep the affected devices ready for exchange by the manufacturer.";
        };
    }

    private static String manufacturerActions(FscaAction action) {
        String what =
                switch (action) {
                    case SOFTWARE_UPDATE -> "provides a corrected software version";
                    case DEVICE_RECALL -> "recalls the affected devices";
                    case DEVICE_MODIFICATION -> "modifies the affected devices";
                    case ADVICE_ON_USE -> "updates the instructions for use";
                    case DEVICE_EXCHANGE -> "exchanges the affected devices";
                };
        return "The manufacturer " + what + ", tracks the delivery and acknowledgement of this notice and"
                + " verifies the effectiveness of the action.";
    }
}
