package org.fieldsafety.triage.classification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;

/**
 * US FDA medical device reporting by manufacturers:
 *
 * <ul>
 *   <li>21 CFR 803.53: an event that needs remedial action to prevent an unreasonable risk of substantial
 *       harm to public health (a hazard flagged as a public health threat), 5 work days after awareness;
 *   <li>21 CFR 803.50: a death or serious injury the device may have caused or contributed to, or a
 *       malfunction likely to cause or contribute to one if it recurred, 30 calendar days after awareness.
 * </ul>
 *
 * <p>Applies to any device marketed in the US, wherever the event occurred. Calendar days are exact
 * 24-hour periods from the awareness instant; work days are counted on UTC dates, skipping Saturdays,
 * Sundays and {@link UsFederalHolidays}, and the deadline keeps the awareness time of day.
 */
public final class FdaReportability {

    static final int WORK_DAYS_803_53 = 5;
    static final int CALENDAR_DAYS_803_50 = 30;

    private final UsFederalHolidays holidays;

    public FdaReportability(UsFederalHolidays holidays) {
        this.holidays = holidays;
    }

    public ReportingDuty assess(Incident incident) {
        if (!incident.marketedInUs()) {
            return new NotReportable(ReportingDuty.US_FDA, "21 CFR 803: device not marketed in the US");
        }
        if (incident.publicHealthThreat()) {
            return new Reportable(
                    ReportingDuty.US_FDA,
                    "21 CFR 803.53",
                    incident.awareAt().plus(Duration.ofDays(calendarDaysFor(incident, WORK_DAYS_803_53))));
        }
        if (incident.serious()) {
            return new Reportable(
                    ReportingDuty.US_FDA,
                    "21 CFR 803.50",
                    incident.awareAt().plus(Duration.ofDays(CALENDAR_DAYS_803_50)));
        }
        return new NotReportable(
                ReportingDuty.US_FDA,
                "21 CFR 803.50: no death or serious injury, and no malfunction likely to cause one if it recurred");
    }

    /** How many calendar days after the awareness date the given number of work days end. */
    private long calendarDaysFor(Incident incident, int workDays) {
        LocalDate aware = LocalDate.ofInstant(incident.awareAt(), ZoneOffset.UTC);
        LocalDate day = aware;
        int counted = 0;
        while (counted < workDays) {
            day = day.plusDays(1);
            if (isWorkDay(day)) {
                counted++;
            }
        }
        return day.toEpochDay() - aware.toEpochDay();
    }

    boolean isWorkDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day);
    }
}
