package org.fieldsafety.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 5 U.S.C. 6103 federal holidays, the calendar of 21 CFR 803.3 work days. */
class UsFederalHolidaysTest {

    private final UsFederalHolidays holidays = new UsFederalHolidays(Set.of(LocalDate.parse("2026-12-24")));

    @ParameterizedTest(name = "5 U.S.C. 6103: {0} holiday {1} ({2})")
    @CsvSource({
        "2026-01-01, true, New Year's Day",
        "2026-01-19, true, Martin Luther King Jr. Day",
        "2026-02-16, true, Washington's Birthday",
        "2026-05-25, true, Memorial Day",
        "2026-06-19, true, Juneteenth",
        "2026-07-03, true, Independence Day observed on Friday",
        "2026-07-04, false, Saturday holiday is observed the day before",
        "2026-09-07, true, Labor Day",
        "2026-10-12, true, Columbus Day",
        "2026-11-11, true, Veterans Day",
        "2026-11-26, true, Thanksgiving Day",
        "2026-12-25, true, Christmas Day",
        "2026-12-24, true, configured extra closing day",
        "2027-12-31, true, New Year's Day 2028 (a Saturday) observed",
        "2026-11-27, false, day after Thanksgiving",
        "2026-03-02, false, ordinary Monday"
    })
    void federalHolidays(LocalDate date, boolean holiday, String name) {
        assertEquals(holiday, holidays.isHoliday(date));
    }
}
