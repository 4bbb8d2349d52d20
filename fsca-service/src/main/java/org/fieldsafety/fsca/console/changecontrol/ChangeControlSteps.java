package org.fieldsafety.fsca.console.changecontrol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fieldsafety.fsca.console.ConsoleStepResource;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.signature.SignatureRequest;

/**
 * The bodies of change control's steps (docs/api.md, "change-control-service"), and how the console's forms
 * become them: lists one entry a line, safety classes and reclassifications as short lines, a verification
 * record per affected item. Change control validates each body itself; what these methods refuse is only
 * what cannot be read as the API's shape at all.
 */
final class ChangeControlSteps {

    private ChangeControlSteps() {}

    record OpenProblemReport(
            String productId,
            String softwareItem,
            String softwareVersion,
            String faultCode,
            String description,
            Criticality criticality) {}

    record Criticality(String level, String statement) {}

    record Investigation(String cause, Boolean safetyRelevant, String safetyRelevance, String outcome) {}

    record LinkChangeRequests(List<String> changeRequestIds) {}

    record NoAction(String rationale) {}

    record PartiesAdvised(List<Party> parties) {}

    record Party(String who, Instant advisedAt) {}

    record ResolutionVerification(
            Boolean resolved,
            Boolean trendReversed,
            Boolean changeImplementedInRightItems,
            Boolean noNewProblems,
            String fixedVersion) {}

    record RaiseChangeRequest(
            String title,
            String reason,
            String productId,
            List<String> softwareItems,
            String problemReportId,
            String fscaCaseId) {}

    record ImpactAnalysis(
            String summary,
            List<String> affectedItems,
            List<String> testsToRepeat,
            Map<String, String> safetyClasses) {}

    record Approval(SignatureRequest signature) {}

    record Implementation(String softwareVersion, List<String> commits, List<Reclassification> reclassifications) {}

    record Reclassification(String item, String from, String to) {}

    record Verification(List<VerificationRecord> records, boolean regressionTestsRepeated) {}

    record VerificationRecord(
            String softwareItem,
            String results,
            List<String> anomalies,
            String softwareVersion,
            String configuration,
            List<String> tools,
            LocalDate date,
            String tester) {}

    record Release(String version, List<String> residualAnomalies) {}

    record Communication(
            String problem,
            String riskOfContinuedUse,
            String availableChange,
            String installation,
            List<Recipient> recipients,
            Instant sentAt) {}

    record Recipient(String kind, String name) {}

    record Closure(String summary) {}

    /**
     * The affected items with their safety class, one a line: {@code dose-calculator C}; an item without a
     * class is left out of {@code safetyClasses}, so change control counts it as class C (IEC 62304 4.3).
     */
    static ImpactAnalysis impactAnalysis(String summary, String affectedItems, String testsToRepeat) {
        List<String> items = new ArrayList<>();
        Map<String, String> classes = new LinkedHashMap<>();
        for (String line : ConsoleStepResource.lines(affectedItems)) {
            String[] parts = line.split("\\s+");
            String last = parts[parts.length - 1].toUpperCase(Locale.ROOT);
            if (parts.length > 1 && last.matches("[ABC]")) {
                String item = line.substring(0, line.length() - parts[parts.length - 1].length())
                        .strip();
                items.add(item);
                classes.put(item, last);
            } else {
                items.add(line);
            }
        }
        return new ImpactAnalysis(summary, items, ConsoleStepResource.lines(testsToRepeat), classes);
    }

    /** Reclassifications one a line: {@code dose-calculator B C} (the item, its class before and after). */
    static List<Reclassification> reclassifications(String text) {
        List<Reclassification> all = new ArrayList<>();
        for (String line : ConsoleStepResource.lines(text)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 3
                    || !parts[1].toUpperCase(Locale.ROOT).matches("[ABC]")
                    || !parts[2].toUpperCase(Locale.ROOT).matches("[ABC]")) {
                throw new InvalidInput(
                        "validation", "a reclassification is the item, its class before and after: \"" + line + "\"");
            }
            all.add(new Reclassification(
                    parts[0], parts[1].toUpperCase(Locale.ROOT), parts[2].toUpperCase(Locale.ROOT)));
        }
        return all;
    }

    /**
     * One verification record per affected item, the form's fields in the items' order (IEC 62304 9.8); an
     * item whose results were left empty has no record (change control says whether its class needs one).
     */
    static List<VerificationRecord> verificationRecords(
            List<String> items,
            List<String> results,
            List<String> anomalies,
            String softwareVersion,
            List<String> configurations,
            List<String> tools,
            List<String> dates,
            List<String> testers) {
        List<VerificationRecord> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String result = at(results, i);
            if (result == null || result.isBlank()) {
                continue;
            }
            records.add(new VerificationRecord(
                    items.get(i),
                    result,
                    ConsoleStepResource.lines(at(anomalies, i)),
                    softwareVersion,
                    at(configurations, i),
                    ConsoleStepResource.lines(at(tools, i)),
                    date("date", at(dates, i)),
                    at(testers, i)));
        }
        return records;
    }

    /** Who was told, one a line, as users and as regulators (IEC 62304 6.2.5). */
    static List<Recipient> recipients(String users, String regulators) {
        List<Recipient> all = new ArrayList<>();
        ConsoleStepResource.lines(users).forEach(name -> all.add(new Recipient("USERS", name)));
        ConsoleStepResource.lines(regulators).forEach(name -> all.add(new Recipient("REGULATOR", name)));
        return all;
    }

    /** The parties advised, one a line, all at {@code advisedAt}. */
    static List<Party> parties(String who, Instant advisedAt) {
        return ConsoleStepResource.lines(who).stream()
                .map(name -> new Party(name, advisedAt))
                .toList();
    }

    /** A form's date ({@code 2026-05-01}); null when left empty. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("validation", field + " is not a date such as 2026-05-01");
        }
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
