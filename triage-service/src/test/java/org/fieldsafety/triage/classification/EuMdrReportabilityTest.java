package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EU MDR Art. 87(3), 87(4), 87(5): serious incident reporting deadlines from awareness. */
class EuMdrReportabilityTest {

    @ParameterizedTest(name = "MDR {6}: {1} in {0}, anticipated {2}, threat {3}, aware {4} -> {5}")
    @CsvSource({
        // country, outcome, anticipated, publicHealthThreat, awareAt, deadline, basis
        "DE, SERIOUS_INJURY, true, false, 2026-11-20T10:15:00Z, 2026-12-05T10:15:00Z, Art. 87(3)",
        "DE, SERIOUS_INJURY, false, false, 2026-11-20T10:15:00Z, 2026-11-30T10:15:00Z, Art. 87(5)",
        "FR, DEATH, true, false, 2026-11-20T10:15:00Z, 2026-11-30T10:15:00Z, Art. 87(5)",
        "IT, SERIOUS_INJURY, true, true, 2026-11-20T10:15:00Z, 2026-11-22T10:15:00Z, Art. 87(4)",
        // month end: calendar days roll into the next month
        "NL, SERIOUS_INJURY, true, false, 2026-01-31T23:30:00Z, 2026-02-15T23:30:00Z, Art. 87(3)",
        // EU DST starts 2026-03-29: days are exact 24 h periods in UTC, the hour does not move
        "DE, DEATH, true, false, 2026-03-20T10:00:00Z, 2026-03-30T10:00:00Z, Art. 87(5)",
        // EEA, Turkey (applies the MDR), Switzerland (same deadlines), country not reported (in doubt: report)
        "NO, SERIOUS_INJURY, true, false, 2026-11-20T10:15:00Z, 2026-12-05T10:15:00Z, Art. 87(3)",
        "TR, SERIOUS_INJURY, true, false, 2026-11-20T10:15:00Z, 2026-12-05T10:15:00Z, Art. 87(3)",
        "CH, SERIOUS_INJURY, false, false, 2026-11-20T10:15:00Z, 2026-11-30T10:15:00Z, Art. 87(5)",
        ", SERIOUS_INJURY, true, false, 2026-11-20T10:15:00Z, 2026-12-05T10:15:00Z, Art. 87(3)"
    })
    void reportableSeriousIncidents(
            String country,
            PatientOutcome outcome,
            boolean anticipated,
            boolean publicHealthThreat,
            Instant awareAt,
            Instant deadline,
            String basis) {
        ReportingDuty duty = EuMdrReportability.assess(
                new Incident(awareAt, country, outcome, true, anticipated, publicHealthThreat, true));
        assertEquals(new Reportable(ReportingDuty.EU_MDR, basis, deadline), duty);
    }

    @ParameterizedTest(name = "MDR {3}: serious {1} in {0} is not reportable")
    @CsvSource({
        "US, true, SERIOUS_INJURY, Art. 87",
        "JP, true, DEATH, Art. 87",
        "DE, false, NON_SERIOUS_INJURY, Art. 2(65)"
    })
    void notReportableRecordsWhy(String country, boolean serious, PatientOutcome outcome, String basis) {
        ReportingDuty duty = EuMdrReportability.assess(
                new Incident(Instant.parse("2026-11-20T10:15:00Z"), country, outcome, serious, true, false, true));
        NotReportable notReportable = assertInstanceOf(NotReportable.class, duty);
        assertEquals(ReportingDuty.EU_MDR, notReportable.regime());
        assertTrue(notReportable.reason().startsWith(basis), notReportable.reason());
    }
}
