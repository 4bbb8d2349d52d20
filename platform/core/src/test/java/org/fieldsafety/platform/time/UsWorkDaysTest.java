package org.fieldsafety.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 21 CFR 803.3 work days: Monday to Friday except federal holidays, counted from the day after the start. */
class UsWorkDaysTest {

    private final UsWorkDays workDays = new UsWorkDays(new UsFederalHolidays(Set.of()));

    @ParameterizedTest(name = "{0} + {1} work days -> {2} ({3})")
    @CsvSource({
        "2026-10-14T09:00:00Z, 5, 2026-10-21T09:00:00Z, Wednesday: over one weekend",
        "2026-10-16T09:00:00Z, 5, 2026-10-23T09:00:00Z, Friday: the weekend does not count",
        "2026-10-17T09:00:00Z, 5, 2026-10-23T09:00:00Z, Saturday start",
        "2026-11-23T09:00:00Z, 5, 2026-12-01T09:00:00Z, Thanksgiving Day 2026-11-26 skipped",
        "2026-11-06T09:00:00Z, 5, 2026-11-16T09:00:00Z, weekend and Veterans Day 2026-11-11",
        "2026-06-29T09:00:00Z, 5, 2026-07-07T09:00:00Z, Independence Day observed Friday 2026-07-03",
        "2026-12-21T09:00:00Z, 5, 2026-12-29T09:00:00Z, Christmas Day 2026-12-25",
        "2026-12-21T09:00:00Z, 10, 2027-01-06T09:00:00Z, Christmas and New Year's Day 2027",
        "2026-11-20T16:30:00Z, 10, 2026-12-07T16:30:00Z, two weekends and Thanksgiving"
    })
    void countsWorkDaysOnly(Instant start, int days, Instant end, String why) {
        assertEquals(end, workDays.after(start, days));
    }

    @ParameterizedTest(name = "{0} with 2026-12-24 closed -> {1}")
    @CsvSource({"2026-12-21T09:00:00Z, 2026-12-30T09:00:00Z", "2026-12-28T09:00:00Z, 2027-01-05T09:00:00Z"})
    void aConfiguredClosingDayIsNoWorkDay(Instant start, Instant end) {
        UsWorkDays withChristmasEve = new UsWorkDays(new UsFederalHolidays(Set.of(LocalDate.parse("2026-12-24"))));
        assertEquals(end, withChristmasEve.after(start, 5));
    }
}
