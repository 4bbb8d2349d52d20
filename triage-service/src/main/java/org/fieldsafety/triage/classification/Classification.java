package org.fieldsafety.triage.classification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;

/**
 * Triage of one field report: IEC 62304 4.3 safety class of the item, ISO 14971 severity and probability
 * (from the hazard catalogue, else severity from the patient outcome and worst case probability) and risk
 * region, the MDR Art. 2(65) serious-incident decision, FSCA candidacy (before any trend signal, which
 * triage adds per problem), and the reporting duties of EU MDR Art. 87 and 21 CFR 803. An observed outcome worse than the catalogue's severity raises the severity.
 *
 * @param product the registry version used, null when the product is not registered
 */
public record Classification(
        FieldReportReceived report,
        RegisteredProduct product,
        String problemId,
        SafetyClass safetyClass,
        String hazard,
        int severity,
        int probability,
        RiskRegion riskRegion,
        boolean seriousIncident,
        boolean fscaCandidate,
        int policyVersion,
        Instant triagedAt,
        List<ReportingDuty> duties) {

    public static Classification of(
            FieldReportReceived report, RegisteredProduct product, RiskMatrix policy, Instant triagedAt) {
        Optional<Hazard> hazard = product == null
                ? Optional.empty()
                : product.entry().hazardOf(report.faultCode(), report.softwareItem());
        String softwareItem = report.softwareItem() != null
                ? report.softwareItem()
                : hazard.map(Hazard::softwareItem).orElse(null);
        SafetyClass safetyClass =
                product == null ? SafetyClass.C : product.entry().safetyClassOf(softwareItem);
        int severity = hazard.map(h -> Math.max(h.severity(), Severity.observed(report.patientOutcome())))
                .orElseGet(() -> Severity.fromOutcome(report.patientOutcome(), safetyClass));
        Integer probability = hazard.map(Hazard::probability).orElse(null);
        int effectiveProbability = probability == null ? RiskMatrix.WORST_CASE_PROBABILITY : probability;
        RiskRegion region = policy.evaluate(severity, effectiveProbability);
        boolean publicHealthThreat = hazard.map(Hazard::publicHealthThreat).orElse(false);
        boolean serious = SeriousIncident.isSerious(report.patientOutcome(), severity, publicHealthThreat);
        boolean marketedInUs = product == null || product.entry().markets().contains("US");
        Incident incident = new Incident(
                report.receivedAt(),
                report.country(),
                report.patientOutcome(),
                serious,
                hazard.isPresent(),
                publicHealthThreat,
                marketedInUs);
        return new Classification(
                report,
                product,
                problemId(report.productId(), report.softwareItem(), report.faultCode()),
                safetyClass,
                hazard.map(Hazard::hazard).orElse(null),
                severity,
                effectiveProbability,
                region,
                serious,
                SeriousIncident.isFscaCandidate(region, serious),
                policy.version(),
                triagedAt,
                List.of(EuMdrReportability.assess(incident), FdaReportability.assess(incident)));
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
