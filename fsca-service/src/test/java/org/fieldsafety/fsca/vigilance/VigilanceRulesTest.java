package org.fieldsafety.fsca.vigilance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Investigation;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** The rules that decide what a vigilance report's form says: report type, classification, FDA type, format. */
class VigilanceRulesTest {

    @Test
    void aFirstReportIsInitialUntilTheInvestigationConcludesThenCombined() {
        assertEquals(MirReportType.INITIAL, MirReportType.of(VigilanceReportKind.INITIAL, null));
        assertEquals(
                MirReportType.INITIAL, MirReportType.of(VigilanceReportKind.INITIAL, Reports.investigationUnderWay()));
        assertEquals(
                MirReportType.COMBINED,
                MirReportType.of(VigilanceReportKind.INITIAL, Reports.investigationConcluded()));
        assertEquals(
                MirReportType.FOLLOW_UP,
                MirReportType.of(VigilanceReportKind.FOLLOW_UP, Reports.investigationUnderWay()));
        assertEquals(
                MirReportType.FINAL, MirReportType.of(VigilanceReportKind.FINAL, Reports.investigationConcluded()));
        assertEquals("Combined initial and final", MirReportType.COMBINED.label());
    }

    @Test
    void aFinalReportWithoutAConcludedInvestigationIsRejected() {
        DomainException rejected = assertThrows(
                DomainException.class,
                () -> MirReportType.of(VigilanceReportKind.FINAL, Reports.investigationUnderWay()));
        assertInstanceOf(RuleViolation.class, rejected);
        assertEquals("investigation-not-concluded", rejected.code());
        assertTrue(rejected.getMessage().startsWith("MDR Art. 89(5)"));
        DomainException notAnIncident =
                assertThrows(DomainException.class, () -> MirReportType.of(VigilanceReportKind.TREND, null));
        assertEquals("not-an-incident-report", notAnIncident.code());
    }

    @Test
    void anInvestigationIsConcludedByAConclusionOtherThanNotYetAvailableAndNoPendingResults() {
        Investigation concluded = Reports.investigationConcluded();
        assertTrue(MirReportType.concluded(concluded));
        assertFalse(MirReportType.concluded(null));
        assertFalse(MirReportType.concluded(Reports.investigationUnderWay()));
        assertFalse(MirReportType.concluded(
                new Investigation(List.of(), List.of(), List.of(), List.of(), null, null, null, false)));
        assertFalse(MirReportType.concluded(new Investigation(
                List.of(),
                List.of(new CodedTerm("C21", "Results Pending Completion of Investigation", "2022")),
                concluded.conclusions(),
                List.of(),
                null,
                null,
                null,
                false)));
    }

    @Test
    void theMirClassificationFollowsTheDutysBasisAndTheOutcome() {
        assertEquals(
                MirIncidentClassification.SERIOUS_PUBLIC_HEALTH_THREAT,
                MirIncidentClassification.of("Art. 87(4)", PatientOutcome.NO_HARM));
        assertEquals(MirIncidentClassification.DEATH, MirIncidentClassification.of("Art. 87(5)", PatientOutcome.DEATH));
        assertEquals(
                MirIncidentClassification.UNANTICIPATED_SERIOUS_DETERIORATION,
                MirIncidentClassification.of("Art. 87(5)", PatientOutcome.SERIOUS_INJURY));
        assertEquals(
                MirIncidentClassification.OTHER_REPORTABLE,
                MirIncidentClassification.of("Art. 87(3)", PatientOutcome.SERIOUS_INJURY));
        assertEquals(MirIncidentClassification.DEATH, MirIncidentClassification.of(null, PatientOutcome.DEATH));
        assertEquals(
                MirIncidentClassification.OTHER_REPORTABLE, MirIncidentClassification.of(null, PatientOutcome.UNKNOWN));
        assertEquals("Serious public health threat", MirIncidentClassification.SERIOUS_PUBLIC_HEALTH_THREAT.label());
    }

    @Test
    void theFdaReportTypeFollowsTheKind() {
        assertEquals(FdaReportType.FIVE_DAY, FdaReportType.of(VigilanceReportKind.FIVE_DAY));
        assertEquals(FdaReportType.THIRTY_DAY, FdaReportType.of(VigilanceReportKind.INITIAL));
        for (VigilanceReportKind kind :
                List.of(VigilanceReportKind.SUPPLEMENTAL, VigilanceReportKind.FOLLOW_UP, VigilanceReportKind.FINAL)) {
            assertEquals(FdaReportType.SUPPLEMENTAL, FdaReportType.of(kind));
        }
        assertEquals(
                "not-a-medical-device-report",
                assertThrows(DomainException.class, () -> FdaReportType.of(VigilanceReportKind.FSCA))
                        .code());
        assertEquals("5-day", FdaReportType.FIVE_DAY.label());
    }

    @Test
    void theReportableEventIsTheHarmOrElseAMalfunction() {
        assertEquals(FdaReportableEvent.DEATH, FdaReportableEvent.of(PatientOutcome.DEATH));
        assertEquals(FdaReportableEvent.SERIOUS_INJURY, FdaReportableEvent.of(PatientOutcome.SERIOUS_INJURY));
        assertEquals(FdaReportableEvent.MALFUNCTION, FdaReportableEvent.of(PatientOutcome.UNKNOWN));
        assertEquals(FdaReportableEvent.MALFUNCTION, FdaReportableEvent.of(PatientOutcome.NO_HARM));
        assertEquals("Malfunction", FdaReportableEvent.MALFUNCTION.label());
    }

    @Test
    void eachDutyHasItsAuthoritysDocument() {
        assertEquals(SubmissionFormat.EU_MIR, SubmissionFormat.of(Regime.EU_MDR, VigilanceReportKind.INITIAL));
        assertEquals(SubmissionFormat.EU_MIR, SubmissionFormat.of(Regime.EU_MDR, VigilanceReportKind.FINAL));
        assertEquals(SubmissionFormat.EU_FSCA, SubmissionFormat.of(Regime.EU_MDR, VigilanceReportKind.FSCA));
        assertEquals(SubmissionFormat.EU_TREND, SubmissionFormat.of(Regime.EU_MDR, VigilanceReportKind.TREND));
        assertEquals(SubmissionFormat.EU_PSR, SubmissionFormat.of(Regime.EU_MDR, VigilanceReportKind.PERIODIC_SUMMARY));
        assertEquals(SubmissionFormat.UK_MIR, SubmissionFormat.of(Regime.UK_MHRA, VigilanceReportKind.FOLLOW_UP));
        assertEquals(SubmissionFormat.UK_FSCA, SubmissionFormat.of(Regime.UK_MHRA, VigilanceReportKind.FSCA));
        assertEquals(SubmissionFormat.UK_TREND, SubmissionFormat.of(Regime.UK_MHRA, VigilanceReportKind.TREND));
        assertEquals(SubmissionFormat.US_EMDR, SubmissionFormat.of(Regime.US_FDA, VigilanceReportKind.FIVE_DAY));
        assertEquals(SubmissionFormat.US_EMDR, SubmissionFormat.of(Regime.US_FDA, VigilanceReportKind.SUPPLEMENTAL));
        assertEquals(
                SubmissionFormat.US_CORRECTION_REMOVAL, SubmissionFormat.of(Regime.US_FDA, VigilanceReportKind.FSCA));
        assertEquals(
                SubmissionFormat.US_CORRECTION_REMOVAL,
                SubmissionFormat.of(Regime.US_FDA, VigilanceReportKind.CORRECTION_REMOVAL));
        assertEquals(
                SubmissionFormat.CA_PROBLEM_REPORT, SubmissionFormat.of(Regime.CA_HC, VigilanceReportKind.INITIAL));
        assertEquals(SubmissionFormat.AU_ADVERSE_EVENT, SubmissionFormat.of(Regime.AU_TGA, VigilanceReportKind.FINAL));
        assertFalse(SubmissionFormat.CA_PROBLEM_REPORT.hasXml());
        assertTrue(SubmissionFormat.US_EMDR.hasXml());
    }

    @Test
    void aDutyWithoutADocumentIsRefusedNotSentInAnotherFormat() {
        for (var pair : List.of(
                List.of(Regime.US_FDA, VigilanceReportKind.TREND),
                List.of(Regime.EU_MDR, VigilanceReportKind.CORRECTION_REMOVAL),
                List.of(Regime.CA_HC, VigilanceReportKind.FSCA),
                List.of(Regime.AU_TGA, VigilanceReportKind.TREND),
                List.of(Regime.AU_TGA, VigilanceReportKind.CORRECTION_REMOVAL),
                List.of(Regime.UK_MHRA, VigilanceReportKind.PERIODIC_SUMMARY),
                List.of(Regime.US_FDA, VigilanceReportKind.PERIODIC_SUMMARY),
                List.of(Regime.CA_HC, VigilanceReportKind.PERIODIC_SUMMARY))) {
            DomainException refused = assertThrows(
                    DomainException.class,
                    () -> SubmissionFormat.of((Regime) pair.get(0), (VigilanceReportKind) pair.get(1)));
            assertEquals("no-vigilance-form", refused.code(), pair.toString());
        }
    }
}
