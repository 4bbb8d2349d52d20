package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 21 CFR 803.50 (30 calendar days) and 803.53 (5 work days) from awareness. */
class FdaReportabilityTest {

    private final FdaReportability fda = new FdaReportability(new UsFederalHolidays(Set.of()));

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
                fda.assess(incident(awareAt, true, false)));
    }

    @ParameterizedTest(name = "21 CFR 803.53: aware {0} -> deadline {1} ({2})")
    @CsvSource({
        "2026-10-14T09:00:00Z, 2026-10-21T09:00:00Z, Wednesday: over one weekend",
        "2026-10-16T09:00:00Z, 2026-10-23T09:00:00Z, Friday: the weekend does not count",
        "2026-10-17T09:00:00Z, 2026-10-23T09:00:00Z, Saturday awareness",
        "2026-11-23T09:00:00Z, 2026-12-01T09:00:00Z, Thanksgiving Day 2026-11-26 skipped",
        "2026-11-06T09:00:00Z, 2026-11-16T09:00:00Z, weekend and Veterans Day 2026-11-11",
        "2026-06-29T09:00:00Z, 2026-07-07T09:00:00Z, Independence Day observed Friday 2026-07-03",
        "2026-12-21T09:00:00Z, 2026-12-29T09:00:00Z, Christmas Day 2026-12-25"
    })
    void publicHealthRiskIn5WorkDays(Instant awareAt, Instant deadline, String why) {
        assertEquals(
                new Reportable(ReportingDuty.US_FDA, "21 CFR 803.53", deadline),
                fda.assess(incident(awareAt, true, true)));
    }

    @Test
    void configuredExtraHolidaysAreNotWorkDays() {
        FdaReportability withChristmasEve =
                new FdaReportability(new UsFederalHolidays(Set.of(LocalDate.parse("2026-12-24"))));
        assertEquals(
                Instant.parse("2026-12-30T09:00:00Z"),
                ((Reportable) withChristmasEve.assess(incident(Instant.parse("2026-12-21T09:00:00Z"), true, true)))
                        .deadline());
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
        NotReportable duty = assertInstanceOf(NotReportable.class, fda.assess(incident));
        assertTrue(duty.reason().startsWith(basis), duty.reason());
    }

    private static Incident incident(Instant awareAt, boolean serious, boolean publicHealthThreat) {
        return new Incident(awareAt, "US", PatientOutcome.SERIOUS_INJURY, serious, true, publicHealthThreat, true);
    }
}
