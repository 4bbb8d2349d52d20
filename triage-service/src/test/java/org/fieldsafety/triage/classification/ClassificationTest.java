package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;
import org.fieldsafety.triage.classification.ProductEntry.SoftwareItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole triage of one report: IEC 62304 4.3, ISO 14971, MDR Art. 2(65) and 87, 21 CFR 803. */
class ClassificationTest {

    static final Instant AWARE = Instant.parse("2026-11-20T10:15:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T10:15:01Z");
    static final RegisteredProduct PUMP = new RegisteredProduct(
            "INSULIN-PUMP-X",
            7,
            new ProductEntry(
                    "Insulin pump X",
                    "08712345000018",
                    "IIb",
                    List.of("DE", "FR", "US"),
                    List.of(new SoftwareItem("dose-calculator", "C"), new SoftwareItem("ui", "A")),
                    List.of(
                            new Hazard(
                                    "E-DOSE-CALC-OVERFLOW",
                                    "dose-calculator",
                                    "Over-infusion",
                                    "excess insulin",
                                    "Severe hypoglycaemia",
                                    5,
                                    3,
                                    false),
                            new Hazard("E-UI-FREEZE", null, "Display freeze", null, null, 2, null, false),
                            new Hazard("E-OUTBREAK", null, "Contaminated batch", null, null, 3, 2, true))));

    @ParameterizedTest(name = "{0}/{1}/{2} in {3}: class {4}, S{5} P{6} {7}, serious {8}, FSCA {9}, {10} / {11}")
    @CsvSource({
        // docs/api.md's example: catalogued hazard (anticipated) -> MDR 87(3) 15 days, FDA 803.50 30 days
        "dose-calculator, E-DOSE-CALC-OVERFLOW, SERIOUS_INJURY, DE, C, 5, 3, UNACCEPTABLE, true, true, Art. 87(3), 21 CFR 803.50",
        // catalogue severity 5 and no harm yet: might have led to death -> still serious, anticipated
        "dose-calculator, E-DOSE-CALC-OVERFLOW, NO_HARM, FR, C, 5, 3, UNACCEPTABLE, true, true, Art. 87(3), 21 CFR 803.50",
        // unknown fault: severity from the outcome, probability worst case, unanticipated -> 87(5)
        "dose-calculator, E-NEW, SERIOUS_INJURY, DE, C, 4, 5, UNACCEPTABLE, true, true, Art. 87(5), 21 CFR 803.50",
        "ui, E-NEW, NON_SERIOUS_INJURY, DE, A, 3, 5, UNACCEPTABLE, false, true, -, -",
        "ui, E-NEW, UNKNOWN, DE, A, 2, 5, REVIEW, false, false, -, -",
        // unknown item: unclassified = class C, unknown outcome = worst case 5
        "unknown-item, E-NEW, UNKNOWN, DE, C, 5, 5, UNACCEPTABLE, true, true, Art. 87(5), 21 CFR 803.50",
        // fault catalogued without an item; observed death is worse than the catalogue's severity
        "ui, E-UI-FREEZE, NONE, DE, A, 2, 5, REVIEW, false, false, -, -",
        "ui, E-UI-FREEZE, DEATH, US, A, 5, 5, UNACCEPTABLE, true, true, -, 21 CFR 803.50",
        // public health threat: MDR 87(4) 2 days; the FDA's 803.50 (its 5-work-day report follows the case's
        // remedial action, fsca)
        "ui, E-OUTBREAK, NONE, DE, A, 3, 2, ACCEPTABLE, true, true, Art. 87(4), 21 CFR 803.50"
    })
    void classifiesAgainstTheRegistry(
            String item,
            String fault,
            PatientOutcome outcome,
            String country,
            SafetyClass safetyClass,
            int severity,
            int probability,
            RiskRegion region,
            boolean serious,
            boolean fsca,
            String euBasis,
            String fdaBasis) {
        Classification c = Classification.of(report(item, fault, outcome, country), PUMP, RiskMatrix.DEFAULT, NOW);
        assertEquals(safetyClass, c.safetyClass());
        assertEquals(severity, c.severity());
        assertEquals(probability, c.probability());
        assertEquals(region, c.riskRegion());
        assertEquals(serious, c.seriousIncident());
        assertEquals(fsca, c.fscaCandidate());
        assertEquals(Map.of(ReportingDuty.EU_MDR, euBasis, ReportingDuty.US_FDA, fdaBasis), bases(c));
        assertEquals(1, c.policyVersion());
    }

    @Test
    void anUnregisteredProductIsClassCAndMarketedEverywhere() {
        Classification c = Classification.of(
                report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.UNKNOWN, "DE"),
                null,
                RiskMatrix.DEFAULT,
                NOW);
        assertEquals(SafetyClass.C, c.safetyClass());
        assertEquals(5, c.severity());
        assertEquals(Map.of(ReportingDuty.EU_MDR, "Art. 87(5)", ReportingDuty.US_FDA, "21 CFR 803.50"), bases(c));
    }

    @Test
    void theProblemIdIsStablePerProductItemAndFault() {
        String id = Classification.problemId("INSULIN-PUMP-X", "dose-calculator", "E-1");
        assertEquals(id, Classification.problemId("INSULIN-PUMP-X", "dose-calculator", "E-1"));
        assertNotEquals(id, Classification.problemId("INSULIN-PUMP-X", "ui", "E-1"));
        assertNotEquals(id, Classification.problemId("INSULIN-PUMP-Y", "dose-calculator", "E-1"));
        assertEquals(Classification.problemId("P", null, "E-1"), Classification.problemId("P", "", "E-1"));
    }

    private static Map<String, String> bases(Classification c) {
        return Map.of(
                ReportingDuty.EU_MDR,
                basis(c, ReportingDuty.EU_MDR),
                ReportingDuty.US_FDA,
                basis(c, ReportingDuty.US_FDA));
    }

    private static String basis(Classification c, String regime) {
        return c.duties().stream()
                .filter(duty -> duty.regime().equals(regime))
                .findFirst()
                .map(duty -> duty instanceof ReportingDuty.Reportable r ? r.basis() : "-")
                .orElseThrow();
    }

    static FieldReportReceived report(String item, String fault, PatientOutcome outcome, String country) {
        return new FieldReportReceived(
                "r-1",
                "client",
                AWARE,
                ReportSource.DEVICE_TELEMETRY,
                "INSULIN-PUMP-X",
                "08712345000018",
                "SN-1",
                "4.2.1",
                item,
                fault,
                AWARE.minusSeconds(3600),
                country,
                outcome,
                null,
                null,
                Map.of());
    }
}
