package org.fieldsafety.fsca.vigilance.periodic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryRule.IncidentFacts;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryRule.SummaryPeriod;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** Which incidents an agreement covers, the periods they fall into and when each summary is due. */
class PeriodicSummaryRuleTest {

    static final AgreementTerms QUARTERLY = new AgreementTerms(
            Regime.EU_MDR,
            "product-1",
            "problem-1",
            List.of(),
            "P3M",
            LocalDate.parse("2026-01-01"),
            "BfArM (DE)",
            "PSR-2026-17",
            Instant.parse("2025-12-15T09:00:00Z"));

    private static IncidentFacts incident(String basis, String outcome, String awareAt) {
        return new IncidentFacts("EU_MDR", "product-1", "problem-1", basis, outcome, Instant.parse(awareAt));
    }

    @Test
    void anAgreementCoversSimilarSeriousIncidentsOfItsRegimeProductAndProblemKnownWhileItRuns() {
        IncidentFacts covered = incident("Art. 87(3)", "SERIOUS_INJURY", "2026-02-10T08:00:00Z");
        assertTrue(PeriodicSummaryRule.covers(QUARTERLY, null, covered));
        assertFalse(PeriodicSummaryRule.covers(
                QUARTERLY,
                null,
                new IncidentFacts(
                        "UK_MHRA",
                        "product-1",
                        "problem-1",
                        "Art. 87(3)",
                        null,
                        Instant.parse("2026-02-10T08:00:00Z"))));
        assertFalse(PeriodicSummaryRule.covers(
                QUARTERLY,
                null,
                new IncidentFacts(
                        "EU_MDR",
                        "product-2",
                        "problem-1",
                        "Art. 87(3)",
                        null,
                        Instant.parse("2026-02-10T08:00:00Z"))));
        assertFalse(PeriodicSummaryRule.covers(
                QUARTERLY,
                null,
                new IncidentFacts(
                        "EU_MDR",
                        "product-1",
                        "problem-2",
                        "Art. 87(3)",
                        null,
                        Instant.parse("2026-02-10T08:00:00Z"))));
        assertFalse(
                PeriodicSummaryRule.covers(QUARTERLY, null, incident("Art. 87(3)", null, "2025-12-31T23:59:59Z")),
                "known before the first period");
        assertTrue(PeriodicSummaryRule.covers(QUARTERLY, Instant.parse("2026-02-11T00:00:00Z"), covered));
        assertFalse(
                PeriodicSummaryRule.covers(QUARTERLY, Instant.parse("2026-02-10T08:00:00Z"), covered),
                "known once the agreement ended");
    }

    @Test
    void aPublicHealthThreatADeathOrAnUnanticipatedSeriousDeteriorationIsNeverCovered() {
        String at = "2026-02-10T08:00:00Z";
        assertFalse(PeriodicSummaryRule.covers(QUARTERLY, null, incident("Art. 87(4)", "NO_HARM", at)));
        assertFalse(PeriodicSummaryRule.covers(QUARTERLY, null, incident("Art. 87(5)", "SERIOUS_INJURY", at)));
        assertFalse(PeriodicSummaryRule.covers(QUARTERLY, null, incident("Art. 87(3)", "DEATH", at)));
        assertFalse(PeriodicSummaryRule.covers(QUARTERLY, null, incident(null, "NO_HARM", at)));
    }

    @Test
    void periodsFollowEachOtherFromTheFirstAndEachSummaryIsDue15DaysAfterItsPeriod() {
        assertEquals(
                new SummaryPeriod(
                        0,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-04-01T00:00:00Z"),
                        Instant.parse("2026-04-16T00:00:00Z")),
                PeriodicSummaryRule.periodOf(QUARTERLY, Instant.parse("2026-03-31T23:59:59Z")));
        assertEquals(
                new SummaryPeriod(
                        1,
                        Instant.parse("2026-04-01T00:00:00Z"),
                        Instant.parse("2026-07-01T00:00:00Z"),
                        Instant.parse("2026-07-16T00:00:00Z")),
                PeriodicSummaryRule.periodOf(QUARTERLY, Instant.parse("2026-04-01T00:00:00Z")));
        AgreementTerms monthlyFromTheEnd = new AgreementTerms(
                Regime.EU_MDR, "p", "q", List.of(), "P1M", LocalDate.parse("2026-01-31"), "CA", "R", Instant.EPOCH);
        assertEquals(
                Instant.parse("2026-03-31T00:00:00Z"),
                PeriodicSummaryRule.periodOf(monthlyFromTheEnd, Instant.parse("2026-03-01T00:00:00Z"))
                        .end(),
                "months counted from the first period's start, not from a shortened February");
    }

    @Test
    void theFrequencyIsAPositiveIsoPeriodAndTheRegimeTheEuMdr() {
        assertEquals(java.time.Period.ofMonths(3), PeriodicSummaryRule.frequency("P3M"));
        assertThrows(InvalidInput.class, () -> PeriodicSummaryRule.frequency("quarterly"));
        assertThrows(InvalidInput.class, () -> PeriodicSummaryRule.frequency(null));
        assertThrows(InvalidInput.class, () -> PeriodicSummaryRule.frequency("P0D"));
        assertThrows(InvalidInput.class, () -> PeriodicSummaryRule.frequency("P-1M"));
        PeriodicSummaryRule.requireRegime(Regime.EU_MDR);
        assertThrows(InvalidInput.class, () -> PeriodicSummaryRule.requireRegime(Regime.US_FDA));
    }

    @Test
    void termsWithoutCodesListNone() {
        assertEquals(
                List.of(),
                new AgreementTerms(Regime.EU_MDR, "p", "q", null, "P1M", LocalDate.EPOCH, "CA", "R", Instant.EPOCH)
                        .deviceProblems());
    }
}
