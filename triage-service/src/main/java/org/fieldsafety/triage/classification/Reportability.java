package org.fieldsafety.triage.classification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.fieldsafety.triage.classification.ReportingRegime.CalendarDays;
import org.fieldsafety.triage.classification.ReportingRegime.MarketedIn;
import org.fieldsafety.triage.classification.ReportingRegime.OccurredIn;
import org.fieldsafety.triage.classification.ReportingRegime.UsWorkDays;

/**
 * Applies the reporting regimes of {@link ReportingRegimes} (MDR Art. 87, UK MDR 2002 Part 4A, SOR/98-282
 * s.59-60, TG(MD)R 2002 reg. 5.7, 21 CFR 803.50 and 803.53) to an incident: each regime whose scope covers it
 * proposes the duty of its earliest matching rule, or says why it is not reportable.
 *
 * <p>Calendar days are exact 24-hour periods from the awareness instant, so a daylight saving change never
 * shortens or lengthens a deadline. US work days (21 CFR 803.53) are counted on UTC dates, skipping
 * Saturdays, Sundays and {@link UsFederalHolidays}, and the deadline keeps the awareness time of day.
 */
public final class Reportability {

    private final List<ReportingRegime> regimes;
    private final UsFederalHolidays holidays;

    public Reportability(List<ReportingRegime> regimes, UsFederalHolidays holidays) {
        this.regimes = List.copyOf(regimes);
        this.holidays = holidays;
    }

    /** Every regime's duty or reason, in the order of the table. */
    public List<ReportingDuty> assess(Incident incident) {
        return regimes.stream().map(regime -> assess(regime, incident)).toList();
    }

    private ReportingDuty assess(ReportingRegime regime, Incident incident) {
        Optional<String> outOfScope = outOfScope(regime.scope(), incident);
        if (outOfScope.isPresent()) {
            return new NotReportable(regime.id(), outOfScope.get());
        }
        return regime.rules().stream()
                .filter(rule -> rule.triggers().stream().anyMatch(incident.triggers()::contains))
                .map(rule -> Map.entry(rule.basis(), deadline(rule.deadline(), incident.awareAt())))
                .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .<ReportingDuty>map(due -> new Reportable(regime.id(), due.getKey(), due.getValue()))
                .orElseGet(() -> new NotReportable(regime.id(), regime.notSerious()));
    }

    /** Why the incident is outside the regime's scope, or empty when it is inside. */
    private static Optional<String> outOfScope(ReportingRegime.Scope scope, Incident incident) {
        if (scope instanceof OccurredIn in) {
            boolean inside = incident.country() == null
                    ? incident.marketedInAnyOf(in.countries())
                    : in.countries().contains(incident.country());
            return inside ? Optional.empty() : Optional.of(in.elsewhere());
        }
        MarketedIn marketed = (MarketedIn) scope;
        return incident.marketedInAnyOf(Set.of(marketed.country()))
                ? Optional.empty()
                : Optional.of(marketed.notMarketed());
    }

    private Instant deadline(ReportingRegime.Deadline deadline, Instant awareAt) {
        if (deadline instanceof UsWorkDays work) {
            return awareAt.plus(Duration.ofDays(calendarDaysFor(awareAt, work.days())));
        }
        return awareAt.plus(Duration.ofDays(((CalendarDays) deadline).days()));
    }

    /** How many calendar days after the awareness date the given number of US work days end. */
    private long calendarDaysFor(Instant awareAt, int workDays) {
        LocalDate aware = LocalDate.ofInstant(awareAt, ZoneOffset.UTC);
        LocalDate day = aware;
        int counted = 0;
        while (counted < workDays) {
            day = day.plusDays(1);
            if (isUsWorkDay(day)) {
                counted++;
            }
        }
        return day.toEpochDay() - aware.toEpochDay();
    }

    boolean isUsWorkDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(day);
    }
}
