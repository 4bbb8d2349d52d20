package org.fieldsafety.triage.classification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;

/**
 * Triage of one field report: the IEC 62304 4.3 safety class the item has in the report's software version
 * (8.2.2), ISO 14971 severity and probability (from the hazard catalogue, else severity from the outcome or
 * the item's class, and the worst case probability) and risk region, the MDR Art. 2(65) {@link Seriousness},
 * FSCA candidacy (before any trend signal, which triage adds per problem), and the duties of every reporting
 * regime ({@link Reportability}) from the awareness ({@link Awareness}). What the report does not give counts
 * as the worst case and is listed in {@code missing}. Follow-up information on an earlier report stays in
 * that report's problem and keeps its first report, but its duties follow from its own information and
 * awareness. {@code imdrf}: the hazard catalogue's IMDRF codes of the fault and its harm.
 *
 * @param product the registry version used, null when the product is not registered
 * @param originalReportId the report that first told of this event: the report itself, or the earlier one
 *     it follows up
 */
public record Classification(
        FieldReportReceived report,
        RegisteredProduct product,
        String problemId,
        String originalReportId,
        SafetyClass safetyClass,
        String hazard,
        int severity,
        int probability,
        RiskRegion riskRegion,
        Seriousness seriousness,
        boolean fscaCandidate,
        Instant awareAt,
        List<String> missing,
        int policyVersion,
        Instant triagedAt,
        List<ReportingDuty> duties,
        List<ImdrfTerm> imdrf) {

    /** The earlier report a follow-up brings new information on, as triage stored it. */
    public record Original(String reportId, String problemId) {}

    /**
     * @param original the triaged report {@code report.followUpOf()} names, null for a first report or one
     *     whose earlier report triage does not know (it then counts as a new event)
     */
    public static Classification of(
            FieldReportReceived report,
            RegisteredProduct product,
            RiskMatrix policy,
            Reportability reportability,
            Instant triagedAt,
            Original original) {
        Optional<Hazard> hazard = product == null
                ? Optional.empty()
                : product.entry().hazardOf(report.faultCode(), report.softwareItem());
        String softwareItem = report.softwareItem() != null
                ? report.softwareItem()
                : hazard.map(Hazard::softwareItem).orElse(null);
        SafetyClass safetyClass =
                product == null ? SafetyClass.C : product.entry().safetyClassOf(softwareItem, report.softwareVersion());
        int severity = Severity.of(hazard.map(Hazard::severity).orElse(null), report.patientOutcome(), safetyClass);
        Integer probability = hazard.map(Hazard::probability).orElse(null);
        int effectiveProbability = probability == null ? RiskMatrix.WORST_CASE_PROBABILITY : probability;
        RiskRegion region = policy.evaluate(severity, effectiveProbability);
        Seriousness seriousness = Seriousness.assess(report.patientOutcome(), hazard, report.faultCode(), safetyClass);
        Instant awareAt = Awareness.clocksStart(report);
        Incident incident = new Incident(
                awareAt,
                report.country(),
                seriousness.triggers(),
                product == null ? null : Set.copyOf(product.entry().markets()));
        return new Classification(
                report,
                product,
                original == null
                        ? problemId(report.productId(), report.softwareItem(), report.faultCode())
                        : original.problemId(),
                original == null ? report.reportId() : original.reportId(),
                safetyClass,
                hazard.map(Hazard::hazard).orElse(null),
                severity,
                effectiveProbability,
                region,
                seriousness,
                isFscaCandidate(region, seriousness.serious()),
                awareAt,
                missing(report),
                policy.version(),
                triagedAt,
                reportability.assess(incident),
                hazard.map(Hazard::imdrfTerms).orElse(List.of()));
    }

    /** MDR Art. 2(65): a serious incident, observed or potential. */
    public boolean seriousIncident() {
        return seriousness.serious();
    }

    /**
     * FSCA candidacy of one report (MDR Art. 89): an UNACCEPTABLE risk or any serious incident. A trend (Art.
     * 88) is not a property of its reports: it is reported once per episode with its count, so the problem's
     * trend signal, not each report in it, puts the problem before regulatory staff.
     */
    static boolean isFscaCandidate(RiskRegion region, boolean serious) {
        return serious || region == RiskRegion.UNACCEPTABLE;
    }

    /** The fields the report did not give, each of which triage judged at its worst case. */
    static List<String> missing(FieldReportReceived report) {
        List<String> missing = new ArrayList<>();
        if (report.softwareVersion() == null) {
            missing.add("softwareVersion");
        }
        if (report.softwareItem() == null) {
            missing.add("softwareItem");
        }
        if (report.faultCode() == null) {
            missing.add("faultCode");
        }
        if (report.occurredAt() == null) {
            missing.add("occurredAt");
        }
        if (report.patientOutcome() == null || report.patientOutcome() == PatientOutcome.UNKNOWN) {
            missing.add("patientOutcome");
        }
        return List.copyOf(missing);
    }

    /** A problem groups the reports of one fault of one software item of one product: a stable name-based UUID. */
    public static String problemId(String productId, String softwareItem, String faultCode) {
        String name = String.join("\n", nullToEmpty(productId), nullToEmpty(softwareItem), nullToEmpty(faultCode));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
