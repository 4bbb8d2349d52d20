package org.fieldsafety.fsca.vigilance;

import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Address;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Administrative;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Device;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.FscaLink;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.IncidentDetails;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Investigation;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.ListedIncident;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Manufacturer;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Patient;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.PeriodicSummary;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Reporter;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Trend;

/**
 * The fixed case the golden files are made from: a bolus computed ten times too large by an insulin pump's
 * dose calculator (the README's example), reported in Germany, its investigation, its FSCA and its trend.
 * The IMDRF codes are release 2022's.
 */
public final class Reports {

    public static final String CASE = "0b6e3c52-4a59-3f1e-9d1c-7a1f0c2e9b11";
    public static final CodedTerm DOSE_CALCULATION_ERROR =
            new CodedTerm("A110202", "Application Program Problem: Dose Calculation Error", "2022");
    public static final CodedTerm HYPOGLYCEMIA = new CodedTerm("E1206", "Hypoglycemia", "2022");
    public static final CodedTerm LOSS_OF_CONSCIOUSNESS = new CodedTerm("E0119", "Loss of consciousness", "2022");
    public static final CodedTerm OVERDOSE = new CodedTerm("F1005", "Overdose", "2022");
    public static final CodedTerm HOSPITALIZATION =
            new CodedTerm("F08", "Hospitalization or Prolonged Hospitalization", "2022");
    public static final CodedTerm DEVICE_TESTED = new CodedTerm("B01", "Testing of Actual/Suspected Device", "2022");
    public static final CodedTerm LOG_REVIEW = new CodedTerm("B24", "Event History Log Review", "2022");
    public static final CodedTerm INCORRECT_ALGORITHM = new CodedTerm("C100202", "Incorrect Algorithm", "2022");
    public static final CodedTerm SOFTWARE_CODING = new CodedTerm("D18", "Cause Traced to Software Coding", "2022");
    public static final CodedTerm NOT_YET_AVAILABLE = new CodedTerm("D16", "Conclusion Not Yet Available", "2022");
    public static final CodedTerm SOFTWARE = new CodedTerm("G02008", "Computer Software", "2022");

    private Reports() {}

    public static Manufacturer manufacturer() {
        return new Manufacturer(
                "Example Medical GmbH",
                "DE-MF-000012345",
                "3012345678",
                new Address("Musterstrasse 1", "10115", "Berlin", "DE"),
                "Rosa Alvarez, Regulatory Affairs",
                "+49 30 1234567",
                "vigilance@example-medical.test");
    }

    public static Device device() {
        return new Device("08712345000018", "Insulin pump X", "IPX-200", "4.2.1", "SN-000123", "IIb", "K123456");
    }

    public static IncidentDetails incident(String country) {
        return new IncidentDetails(
                "77c6a43b-340d-3f42-afd3-6186ca6525ed",
                "The pump's dose calculator computed a bolus ten times the requested amount; the patient received"
                        + " it, lost consciousness from severe hypoglycaemia and was treated in hospital.",
                LocalDate.parse("2026-11-20"),
                country,
                PatientOutcome.SERIOUS_INJURY,
                new Patient("P-0042", 54, "F", 61),
                new Reporter("HEALTH_PROFESSIONAL", "Dr. A. Example", country, true),
                List.of(DOSE_CALCULATION_ERROR),
                List.of(HYPOGLYCEMIA, LOSS_OF_CONSCIOUSNESS),
                List.of(OVERDOSE, HOSPITALIZATION));
    }

    /** The investigation under way: the device tested, no conclusion yet. */
    public static Investigation investigationUnderWay() {
        return new Investigation(
                List.of(DEVICE_TESTED, LOG_REVIEW),
                List.of(),
                List.of(NOT_YET_AVAILABLE),
                List.of(),
                null,
                null,
                null,
                true);
    }

    /** The investigation concluded: an overflow in the dose calculator's unit conversion. */
    public static Investigation investigationConcluded() {
        return new Investigation(
                List.of(DEVICE_TESTED, LOG_REVIEW),
                List.of(INCORRECT_ALGORITHM),
                List.of(SOFTWARE_CODING),
                List.of(SOFTWARE),
                "An integer overflow in the dose calculator's unit conversion for boluses above 25 units.",
                "3 similar incidents in 12 months, none with harm before this one.",
                "Software 4.2.2 corrects the conversion; field safety corrective action FSCA-2026-007.",
                true);
    }

    public static FscaLink fsca() {
        return new FscaLink(
                "FSCA-2026-007",
                "Z-1234-2026",
                "Software update to version 4.2.2 of every affected pump; until updated, confirm each bolus on the"
                        + " pump's display.",
                "The dose calculator can compute a bolus ten times too large for requests above 25 units.",
                LocalDate.parse("2026-12-02"),
                "FSN-" + CASE,
                LocalDate.parse("2026-12-03"),
                List.of("4.2.0", "4.2.1"),
                1840L,
                List.of("DE", "FR", "US"),
                "Rosa Alvarez, Head of Regulatory Affairs");
    }

    public static Trend trend() {
        return new Trend(
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"),
                9,
                1.5,
                12400L,
                "One-sided Poisson test, alpha 0.01, of the reports in the period against the rate of the 90 days"
                        + " before it",
                "Significant increase: 9 reports against 1.5 foreseeable (p < 0.001)",
                List.of(DOSE_CALCULATION_ERROR));
    }

    /** An incident report of {@code kind} to {@code regime}'s authority. */
    public static VigilanceReportDocument incidentReport(
            Regime regime, VigilanceReportKind kind, String authority, String basis, Investigation investigation) {
        String country = regime == Regime.US_FDA ? "US" : "DE";
        return new VigilanceReportDocument(
                administrative(regime, kind, authority, basis),
                manufacturer(),
                device(),
                incident(country),
                investigation,
                null,
                null);
    }

    public static VigilanceReportDocument fscaReport(Regime regime, VigilanceReportKind kind, String authority) {
        return new VigilanceReportDocument(
                administrative(regime, kind, authority, null),
                manufacturer(),
                device(),
                incident("DE"),
                investigationConcluded(),
                fsca(),
                null);
    }

    public static VigilanceReportDocument trendReport(Regime regime, String authority) {
        return new VigilanceReportDocument(
                administrative(regime, VigilanceReportKind.TREND, authority, "Art. 88"),
                manufacturer(),
                device(),
                null,
                investigationUnderWay(),
                null,
                trend());
    }

    /**
     * The summary of the first monthly period of an agreement on the dose calculation error in Germany,
     * listing two incidents (one with a serious injury, one without harm).
     */
    public static VigilanceReportDocument periodicSummaryReport() {
        PeriodicSummary summary = new PeriodicSummary(
                "5d0c9a61-2f4e-4c1b-8a57-3e2b7f90d412",
                "BfArM-PSR-2026-0042",
                1,
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-15"),
                List.of(DOSE_CALCULATION_ERROR),
                List.of(
                        new ListedIncident(
                                "INC-2026-0311",
                                LocalDate.parse("2026-11-04"),
                                "DE",
                                PatientOutcome.SERIOUS_INJURY,
                                List.of(DOSE_CALCULATION_ERROR),
                                List.of(HYPOGLYCEMIA),
                                List.of(HOSPITALIZATION)),
                        new ListedIncident(
                                "INC-2026-0327",
                                LocalDate.parse("2026-11-19"),
                                "DE",
                                PatientOutcome.NO_HARM,
                                List.of(DOSE_CALCULATION_ERROR),
                                List.of(),
                                List.of())));
        return new VigilanceReportDocument(
                administrative(Regime.EU_MDR, VigilanceReportKind.PERIODIC_SUMMARY, "BfArM (DE)", "Art. 87(9)"),
                manufacturer(),
                device(),
                null,
                null,
                null,
                null,
                summary);
    }

    public static Administrative administrative(
            Regime regime, VigilanceReportKind kind, String authority, String basis) {
        boolean followUp = kind == VigilanceReportKind.FOLLOW_UP
                || kind == VigilanceReportKind.FINAL
                || kind == VigilanceReportKind.SUPPLEMENTAL;
        return new Administrative(
                "MFR-2026-" + regime.name().replace("_", "-") + "-"
                        + kind.name().replace("_", "-"),
                CASE,
                regime,
                kind,
                basis,
                authority,
                LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-24"),
                kind == VigilanceReportKind.INITIAL ? LocalDate.parse("2026-12-15") : null,
                followUp ? "DE-BfArM-2026-0815" : null,
                followUp ? 1 : 0);
    }
}
