package org.fieldsafety.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * The US federal holiday calendar (5 U.S.C. 6103) that the work days of 21 CFR 803.3 skip: the eleven legal
 * public holidays, a Saturday holiday observed the Friday before and a Sunday holiday the Monday after,
 * plus configured extra closing days (e.g. a day given by executive order). {@link UsWorkDays} counts with it.
 */
public final class UsFederalHolidays {

    private final Set<LocalDate> extraHolidays;

    public UsFederalHolidays(Set<LocalDate> extraHolidays) {
        this.extraHolidays = Set.copyOf(extraHolidays);
    }

    public boolean isHoliday(LocalDate date) {
        return extraHolidays.contains(date)
                || observed(date.getYear()).contains(date)
                || observed(date.getYear() + 1).contains(date);
    }

    /** The observed legal public holidays of one year (New Year's Day may fall on 31 December before). */
    static Set<LocalDate> observed(int year) {
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate holiday : legal(year)) {
            days.add(
                    switch (holiday.getDayOfWeek()) {
                        case SATURDAY -> holiday.minusDays(1);
                        case SUNDAY -> holiday.plusDays(1);
                        default -> holiday;
                    });
        }
        return days;
    }

    private static Set<LocalDate> legal(int year) {
        return Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), // Birthday of Martin Luther King, Jr.
                nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), // Washington's Birthday
                LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                LocalDate.of(year, Month.JUNE, 19), // Juneteenth
                LocalDate.of(year, Month.JULY, 4),
                nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), // Labor Day
                nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2), // Columbus Day
                LocalDate.of(year, Month.NOVEMBER, 11), // Veterans Day
                nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), // Thanksgiving Day
                LocalDate.of(year, Month.DECEMBER, 25));
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
