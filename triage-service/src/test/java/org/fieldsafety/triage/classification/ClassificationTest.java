package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;
import org.fieldsafety.triage.classification.ProductEntry.ImdrfCoding;
import org.fieldsafety.triage.classification.ProductEntry.SoftwareItem;
import org.fieldsafety.triage.classification.ProductEntry.VersionClass;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.fieldsafety.triage.classification.Seriousness.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole triage of one report: IEC 62304 4.3 and 8.2.2 (class per version range), ISO 14971 severity, MDR
 * Art. 2(65) and 87(3)-(5) with MDCG 2023-3 (seriousness, anticipation), 21 CFR 803.3 and 803.50, awareness
 * (21 CFR 803.3 "become aware", MDR Art. 87) and complaints that lack fields (ISO 13485 8.2.2, 21 CFR 820.198).
 */
class ClassificationTest {

    static final Instant RECEIVED = Instant.parse("2026-11-20T10:15:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T10:15:01Z");
    static final ImdrfTerm DOSE_ERROR =
            new ImdrfTerm("A110202", "Application Program Problem: Dose Calculation Error", "2022");
    static final ImdrfTerm HYPOGLYCEMIA = new ImdrfTerm("E1206", "Hypoglycemia", "2022");
    static final ImdrfTerm OVERDOSE = new ImdrfTerm("F1005", "Overdose", "2022");
    static final RegisteredProduct PUMP = new RegisteredProduct(
            "INSULIN-PUMP-X",
            7,
            new ProductEntry(
                    "Insulin pump X",
                    "08712345000018",
                    "IIb",
                    List.of("DE", "FR", "US", "GB", "CA", "AU"),
                    List.of(
                            new SoftwareItem("dose-calculator", "C", null),
                            new SoftwareItem("ui", "A", null),
                            // class C up to 5.0, re-classified B from 5.0 on (IEC 62304 8.2.2)
                            new SoftwareItem("pump-driver", "B", List.of(new VersionClass(null, "5.0", "C")))),
                    List.of(
                            new Hazard(
                                    "E-DOSE-CALC-OVERFLOW",
                                    "dose-calculator",
                                    "Over-infusion",
                                    "excess insulin",
                                    "Severe hypoglycaemia",
                                    5,
                                    3,
                                    false,
                                    null,
                                    new ImdrfCoding(
                                            "A110202", "E1206", "F1005", List.of(DOSE_ERROR, HYPOGLYCEMIA, OVERDOSE))),
                            new Hazard("E-UI-FREEZE", null, "Display freeze", null, null, 2, null, false, null, null),
                            new Hazard("E-UI-GLITCH", "ui", "Flicker", null, null, 1, 4, false, null, null),
                            new Hazard("E-OUTBREAK", null, "Contaminated batch", null, null, 3, 2, true, null, null)),
                    null));

    private final Reportability reportability = new Reportability(ReportingRegimes.ALL);

    @ParameterizedTest(name = "{0}/{1}/{2} in {3}: class {4}, S{5} P{6}, {7}, FSCA {8}, EU {9}, US {10}")
    @CsvSource({
        // catalogued severity 5, serious injury observed: anticipated -> MDR 87(3) 15 days, FDA 803.50 30 days
        "dose-calculator, E-DOSE-CALC-OVERFLOW, SERIOUS_INJURY, DE, C, 5, 3, OBSERVED, true, Art. 87(3), 21 CFR 803.50",
        // catalogued severity 5, no harm yet: might have led to death (Art. 2(65), 803.50(a)(2))
        "dose-calculator, E-DOSE-CALC-OVERFLOW, NO_HARM, FR, C, 5, 3, MIGHT_HAVE_LED, true, Art. 87(3), 21 CFR 803.50",
        // a negligible catalogued fault that caused a serious injury: not anticipated -> Art. 87(5) 10 days
        "ui, E-UI-GLITCH, SERIOUS_INJURY, DE, A, 4, 4, UNANTICIPATED, true, Art. 87(5), 21 CFR 803.50",
        // an unknown fault of a class C item without harm: a serious outcome cannot be excluded
        "dose-calculator, E-NEW, NO_HARM, DE, C, 1, 5, MIGHT_HAVE_LED, true, Art. 87(3), 21 CFR 803.50",
        // the same on a class A item: its failure cannot contribute to an injury
        "ui, E-NEW, NO_HARM, DE, A, 1, 5, NOT_SERIOUS, false, -, -",
        "ui, E-NEW, NON_SERIOUS_INJURY, DE, A, 3, 5, NOT_SERIOUS, true, -, -",
        // an unknown item is unclassified (class C), an unknown outcome the class's worst harm
        "unknown-item, E-NEW, UNKNOWN, DE, C, 5, 5, MIGHT_HAVE_LED, true, Art. 87(3), 21 CFR 803.50",
        // a death worse than the catalogued severity, in the US: not an EU incident
        "ui, E-UI-FREEZE, NONE, DE, A, 2, 5, NOT_SERIOUS, false, -, -",
        "ui, E-UI-FREEZE, DEATH, US, A, 5, 5, UNANTICIPATED, true, -, 21 CFR 803.50",
        // a serious public health threat: MDR 87(4) 2 days; the FDA's 803.50 (its 5-work-day report of 803.53
        // follows the remedial action recorded on the FSCA case)
        "ui, E-OUTBREAK, NONE, DE, A, 3, 2, MIGHT_HAVE_LED, true, Art. 87(4), 21 CFR 803.50"
    })
    void classifiesAgainstTheRegistry(
            String item,
            String fault,
            PatientOutcome outcome,
            String country,
            SafetyClass safetyClass,
            int severity,
            int probability,
            Finding finding,
            boolean fsca,
            String euBasis,
            String fdaBasis) {
        Classification c = classify(report(item, fault, outcome, country));
        assertEquals(safetyClass, c.safetyClass());
        assertEquals(severity, c.severity());
        assertEquals(probability, c.probability());
        assertEquals(finding, c.seriousness().finding(), c.seriousness().statement());
        assertEquals(finding != Finding.NOT_SERIOUS, c.seriousIncident());
        assertEquals(fsca, c.fscaCandidate());
        assertEquals(euBasis, basis(c, ReportingRegimes.EU_MDR));
        assertEquals(fdaBasis, basis(c, ReportingRegimes.US_FDA));
        assertEquals(1, c.policyVersion());
        assertTrue(
                c.seriousness().statement().startsWith(words(finding)),
                c.seriousness().statement());
    }

    /** Each market's regime applies to the incidents in its territory (UK MDR Part 4A, SOR/98-282, TG(MD)R). */
    @ParameterizedTest(name = "{2} in {1} -> {0} {3} in {4} days")
    @CsvSource({
        "UK_MHRA, GB, DEATH, UK MDR 2002 Part 4A: death or unanticipated serious deterioration, 10",
        "CA_HC, CA, DEATH, SOR/98-282 s.60(1)(a), 10",
        "CA_HC, CA, NO_HARM, SOR/98-282 s.60(1)(b), 30",
        "AU_TGA, AU, SERIOUS_INJURY, TG(MD)R 2002 reg. 5.7(1)(b), 10",
        "AU_TGA, AU, NO_HARM, TG(MD)R 2002 reg. 5.7(1)(c), 30"
    })
    void eachMarketReportsItsOwnIncidents(
            String regime, String country, PatientOutcome outcome, String basis, int days) {
        Classification c = classify(report("dose-calculator", "E-DOSE-CALC-OVERFLOW", outcome, country));
        assertEquals(new Reportable(regime, basis, RECEIVED.plus(Duration.ofDays(days))), duty(c, regime));
        assertEquals("-", basis(c, ReportingRegimes.EU_MDR));
    }

    /** TG(MD)R 2002 reg. 5.7(1)(d): a non-serious injury in Australia is reported within 60 days. */
    @Test
    void aNonSeriousInjuryInAustraliaIsReportedWithin60Days() {
        Classification c = classify(report("ui", "E-NEW", PatientOutcome.NON_SERIOUS_INJURY, "AU"));
        assertEquals(
                new Reportable(
                        ReportingRegimes.AU_TGA, "TG(MD)R 2002 reg. 5.7(1)(d)", RECEIVED.plus(Duration.ofDays(60))),
                duty(c, ReportingRegimes.AU_TGA));
        assertEquals(Seriousness.Finding.NOT_SERIOUS, c.seriousness().finding());
    }

    /** The hazard catalogue's IMDRF codes go with the report, with the release they were coded with. */
    @Test
    void aReportCarriesTheImdrfCodesOfItsHazard() {
        assertEquals(
                List.of(DOSE_ERROR, HYPOGLYCEMIA, OVERDOSE),
                classify(report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.DEATH, "DE"))
                        .imdrf());
        assertEquals(
                List.of(),
                classify(report("ui", "E-UI-GLITCH", PatientOutcome.NONE, "DE")).imdrf());
    }

    @Test
    void theRegistryGivesEachHazardTheTermsOfItsOwnCodes() {
        ProductEntry coded = PUMP.entry().withImdrfTerms(List.of(OVERDOSE, DOSE_ERROR, HYPOGLYCEMIA));
        assertEquals(List.of("A110202", "E1206", "F1005"), PUMP.entry().imdrfCodes());
        assertEquals(
                List.of(DOSE_ERROR, HYPOGLYCEMIA, OVERDOSE).stream()
                        .map(ImdrfTerm::code)
                        .sorted()
                        .toList(),
                coded.hazards().get(0).imdrfTerms().stream()
                        .map(ImdrfTerm::code)
                        .sorted()
                        .toList());
        assertEquals(List.of(), coded.hazards().get(1).imdrfTerms());
    }

    /** IEC 62304 8.2.2: the class valid for the report's version; the range's upper bound is exclusive. */
    @ParameterizedTest(name = "pump-driver version {0} is class {1}")
    @CsvSource(
            value = {"4.2.1, C", "4.99, C", "4.10.3, C", "5.0, B", "5.0.0, B", "5.1, B", "NULL, C"},
            nullValues = "NULL")
    void theClassOfTheReportsVersion(String version, SafetyClass safetyClass) {
        assertEquals(
                safetyClass,
                classify(report("pump-driver", "E-NEW", PatientOutcome.NONE, "DE", version))
                        .safetyClass());
    }

    @Test
    void aVersionRangeThatStartsAndEndsIsClosedAtItsStart() {
        SoftwareItem item = new SoftwareItem("x", "A", List.of(new VersionClass("2.0", "3.0", "C")));
        assertEquals(SafetyClass.A, item.classOf("1.9"));
        assertEquals(SafetyClass.C, item.classOf("2.0"));
        assertEquals(SafetyClass.A, item.classOf("3.0"));
        assertEquals(SafetyClass.C, item.classOf(null), "no version: the worst class the item has had");
    }

    @ParameterizedTest(name = "ranges {0}-{1} and {2}-{3} overlap: {4}")
    @CsvSource(
            value = {
                "NULL, 5.0, 5.0, NULL, false",
                "NULL, 5.0, 4.9, NULL, true",
                "1.0, 2.0, 3.0, 4.0, false",
                "1.0, NULL, 3.0, 4.0, true"
            },
            nullValues = "NULL")
    void overlappingVersionRangesAreRefused(String from1, String to1, String from2, String to2, boolean overlap) {
        ProductEntry entry = new ProductEntry(
                "P",
                null,
                null,
                List.of("DE"),
                List.of(new SoftwareItem(
                        "x", "A", List.of(new VersionClass(from1, to1, "B"), new VersionClass(from2, to2, "C")))),
                List.of(),
                null);
        if (overlap) {
            InvalidInput refused = assertThrows(InvalidInput.class, entry::requireDisjointVersionRanges);
            assertTrue(refused.getMessage().contains("x"), refused.getMessage());
        } else {
            entry.requireDisjointVersionRanges();
        }
    }

    /**
     * ISO 13485 8.2.2, 21 CFR 820.198: a complaint without version, item, fault code or time is triaged at its
     * worst case and says what was missing; a death starts the 10-day clock of Art. 87(5).
     */
    @Test
    void anIncompleteComplaintOfADeathStartsItsClocks() {
        FieldReportReceived complaint = new FieldReportReceived(
                "c-1",
                "complaints",
                RECEIVED,
                ReportSource.CUSTOMER_COMPLAINT,
                "INSULIN-PUMP-X",
                null,
                null,
                null,
                null,
                null,
                null,
                "DE",
                PatientOutcome.DEATH,
                "The patient died",
                null,
                Map.of(),
                null,
                null);
        Classification c = classify(complaint);
        assertEquals(List.of("softwareVersion", "softwareItem", "faultCode", "occurredAt"), c.missing());
        assertEquals(SafetyClass.C, c.safetyClass());
        assertEquals(Finding.UNANTICIPATED, c.seriousness().finding());
        assertEquals(
                new Reportable(ReportingRegimes.EU_MDR, "Art. 87(5)", RECEIVED.plus(Duration.ofDays(10))),
                duty(c, ReportingRegimes.EU_MDR));
    }

    @Test
    void anUnknownOutcomeIsMissing() {
        assertEquals(
                List.of("patientOutcome"),
                classify(report("ui", "E-UI-FREEZE", PatientOutcome.UNKNOWN, "DE"))
                        .missing());
    }

    /** 21 CFR 803.3, MDR Art. 87: the clocks run from the reporter's earlier awareness, never from a later one. */
    @ParameterizedTest(name = "aware {0}, received 2026-11-20T10:15:00Z -> clocks from {1}")
    @CsvSource(
            value = {
                "2026-11-01T08:00:00Z, 2026-11-01T08:00:00Z",
                "2026-11-20T10:15:00Z, 2026-11-20T10:15:00Z",
                // within intake's clock skew after receipt: receipt
                "2026-11-20T10:15:30Z, 2026-11-20T10:15:00Z",
                "NULL, 2026-11-20T10:15:00Z"
            },
            nullValues = "NULL")
    void theClocksRunFromAwareness(Instant awareAt, Instant clocksFrom) {
        FieldReportReceived report = withAwareness(
                report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.SERIOUS_INJURY, "DE"), awareAt, null);
        Classification c = classify(report);
        assertEquals(clocksFrom, c.awareAt());
        assertEquals(
                new Reportable(ReportingRegimes.EU_MDR, "Art. 87(3)", clocksFrom.plus(Duration.ofDays(15))),
                duty(c, ReportingRegimes.EU_MDR));
    }

    /**
     * Follow-up information (an outcome that turns into a death) joins the original's problem and event, and
     * its duties follow from its own information and awareness, here across a month end.
     */
    @Test
    void aFollowUpIsLinkedToItsOriginalAndRederivesTheDuties() {
        Instant followUpAware = Instant.parse("2026-11-28T16:00:00Z");
        FieldReportReceived followUp = withAwareness(
                report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.DEATH, "DE"), followUpAware, "r-0");
        Classification c = Classification.of(
                followUp,
                PUMP,
                RiskMatrix.DEFAULT,
                reportability,
                NOW,
                new Classification.Original("r-0", "problem-of-r-0"));
        assertEquals("problem-of-r-0", c.problemId());
        assertEquals("r-0", c.originalReportId());
        assertEquals(
                new Reportable(ReportingRegimes.EU_MDR, "Art. 87(5)", Instant.parse("2026-12-08T16:00:00Z")),
                duty(c, ReportingRegimes.EU_MDR));
        Classification first = classify(report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.NONE, "DE"));
        assertEquals("r-1", first.originalReportId());
        assertEquals(
                Classification.problemId("INSULIN-PUMP-X", "dose-calculator", "E-DOSE-CALC-OVERFLOW"),
                first.problemId());
    }

    @Test
    void anUnregisteredProductIsClassCAndMarketedEverywhere() {
        Classification c = Classification.of(
                report("dose-calculator", "E-DOSE-CALC-OVERFLOW", PatientOutcome.UNKNOWN, "DE"),
                null,
                RiskMatrix.DEFAULT,
                reportability,
                NOW,
                null);
        assertEquals(SafetyClass.C, c.safetyClass());
        assertEquals(5, c.severity());
        assertEquals(Finding.MIGHT_HAVE_LED, c.seriousness().finding());
        assertEquals("Art. 87(3)", basis(c, ReportingRegimes.EU_MDR));
        assertEquals("21 CFR 803.50", basis(c, ReportingRegimes.US_FDA));
    }

    @Test
    void theItemOfACataloguedFaultIsTakenFromTheCatalogueWhenTheReportNamesNone() {
        Classification c = classify(report(null, "E-DOSE-CALC-OVERFLOW", PatientOutcome.NONE, "DE"));
        assertEquals(SafetyClass.C, c.safetyClass());
        assertEquals("Over-infusion", c.hazard());
    }

    @Test
    void theProblemIdIsStablePerProductItemAndFault() {
        String id = Classification.problemId("INSULIN-PUMP-X", "dose-calculator", "E-1");
        assertEquals(id, Classification.problemId("INSULIN-PUMP-X", "dose-calculator", "E-1"));
        assertNotEquals(id, Classification.problemId("INSULIN-PUMP-X", "ui", "E-1"));
        assertNotEquals(id, Classification.problemId("INSULIN-PUMP-Y", "dose-calculator", "E-1"));
        assertEquals(Classification.problemId("P", null, "E-1"), Classification.problemId("P", "", "E-1"));
    }

    private Classification classify(FieldReportReceived report) {
        return Classification.of(report, PUMP, RiskMatrix.DEFAULT, reportability, NOW, null);
    }

    private static String words(Finding finding) {
        return switch (finding) {
            case OBSERVED -> "Observed: ";
            case UNANTICIPATED -> "Unanticipated: ";
            case MIGHT_HAVE_LED -> "Might have led: ";
            case NOT_SERIOUS -> "Not serious: ";
        };
    }

    private static ReportingDuty duty(Classification c, String regime) {
        return c.duties().stream()
                .filter(duty -> duty.regime().equals(regime))
                .findFirst()
                .orElseThrow();
    }

    private static String basis(Classification c, String regime) {
        return duty(c, regime) instanceof Reportable r ? r.basis() : "-";
    }

    static FieldReportReceived report(String item, String fault, PatientOutcome outcome, String country) {
        return report(item, fault, outcome, country, "4.2.1");
    }

    static FieldReportReceived report(
            String item, String fault, PatientOutcome outcome, String country, String version) {
        return new FieldReportReceived(
                "r-1",
                "client",
                RECEIVED,
                ReportSource.DEVICE_TELEMETRY,
                "INSULIN-PUMP-X",
                "08712345000018",
                "SN-1",
                version,
                item,
                fault,
                RECEIVED.minusSeconds(3600 * 24 * 30),
                country,
                outcome,
                null,
                null,
                Map.of(),
                null,
                null);
    }

    static FieldReportReceived withAwareness(FieldReportReceived r, Instant awareAt, String followUpOf) {
        return new FieldReportReceived(
                followUpOf == null ? r.reportId() : "r-2",
                r.clientId(),
                followUpOf == null ? r.receivedAt() : awareAt,
                r.source(),
                r.productId(),
                r.udiDi(),
                r.deviceSerial(),
                r.softwareVersion(),
                r.softwareItem(),
                r.faultCode(),
                r.occurredAt(),
                r.country(),
                r.patientOutcome(),
                r.description(),
                r.reporter(),
                r.attributes(),
                awareAt,
                followUpOf);
    }
}
