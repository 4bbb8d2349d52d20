package org.fieldsafety.platform.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Work days as 21 CFR 803.3 defines them, Monday through Friday except federal holidays ({@link
 * UsFederalHolidays}), the unit of the FDA's shorter deadlines (21 CFR 803.53: 5 work days; 806.10(b): 10
 * working days). Counted on UTC dates from the day after the starting instant's, and the deadline keeps the
 * starting time of day: a start on a weekend or a holiday counts from the next work day.
 */
public final class UsWorkDays {

    private final UsFederalHolidays holidays;

    public UsWorkDays(UsFederalHolidays holidays) {
        this.holidays = holidays;
    }

    /** The instant {@code workDays} work days after {@code start}. */
    public Instant after(Instant start, int workDays) {
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate day = first;
        int counted = 0;
        while (counted < workDays) {
            day = day.plusDays(1);
            if (isWorkDay(day)) {
                counted++;
            }
        }
        return start.plus(ChronoUnit.DAYS.between(first, day), ChronoUnit.DAYS);
    }

    public boolean isWorkDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day);
    }
}
