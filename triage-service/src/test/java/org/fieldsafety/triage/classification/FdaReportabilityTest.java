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

/** 21 CFR 803.50: 30 calendar days from awareness. */
class FdaReportabilityTest {

    @ParameterizedTest(name = "21 CFR 803.50: aware {0} -> deadline {1}")
    @CsvSource({
        "2026-11-20T10:15:00Z, 2026-12-20T10:15:00Z",
        // month end (February is short)
        "2026-01-31T12:00:00Z, 2026-03-02T12:00:00Z",
        // US DST ends 2026-11-01: calendar days are exact 24 h periods in UTC
        "2026-10-30T15:00:00Z, 2026-11-29T15:00:00Z"
    })
    void deathOrSeriousInjuryIn30CalendarDays(Instant awareAt, Instant deadline) {
        assertEquals(
                new Reportable(ReportingDuty.US_FDA, "21 CFR 803.50", deadline),
                FdaReportability.assess(incident(awareAt, true, false)));
    }

    @ParameterizedTest(name = "a hazard flagged a public health threat, aware {0}: still 803.50, deadline {1}")
    @CsvSource({"2026-11-23T09:00:00Z, 2026-12-23T09:00:00Z"})
    void aPublicHealthThreatAloneStartsNoFiveDayReport(Instant awareAt, Instant deadline) {
        assertEquals(
                new Reportable(ReportingDuty.US_FDA, "21 CFR 803.50", deadline),
                FdaReportability.assess(incident(awareAt, true, true)));
    }

    @ParameterizedTest(name = "21 CFR 803: serious {0}, marketed in US {1} -> not reportable ({2})")
    @CsvSource({"false, true, 21 CFR 803.50", "true, false, 21 CFR 803:"})
    void notReportableRecordsWhy(boolean serious, boolean marketedInUs, String basis) {
        Incident incident = new Incident(
                Instant.parse("2026-11-20T10:15:00Z"),
                "DE",
                PatientOutcome.NO_HARM,
                serious,
                true,
                false,
                marketedInUs);
        NotReportable duty = assertInstanceOf(NotReportable.class, FdaReportability.assess(incident));
        assertTrue(duty.reason().startsWith(basis), duty.reason());
    }

    private static Incident incident(Instant awareAt, boolean serious, boolean publicHealthThreat) {
        return new Incident(awareAt, "US", PatientOutcome.SERIOUS_INJURY, serious, true, publicHealthThreat, true);
    }
}
