package org.fieldsafety.triage;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.triage.classification.Reportability;
import org.fieldsafety.triage.classification.ReportingRegimes;
import org.fieldsafety.triage.classification.UsFederalHolidays;
import org.fieldsafety.triage.problem.TrendConfig;
import org.fieldsafety.triage.trend.TrendDetector;

/**
 * The reporting regimes with the configured holiday calendar the FDA's work days need, and the trend
 * detector's parameters; the clock comes from platform/core.
 */
public class TriageConfiguration {

    /** {@code triage.fda.extra-holidays}: ISO dates closed in addition to the federal holidays. */
    @Produces
    @Singleton
    Reportability reportability(
            @ConfigProperty(name = "triage.fda.extra-holidays") Optional<List<String>> extraHolidays) {
        return new Reportability(
                ReportingRegimes.ALL,
                new UsFederalHolidays(extraHolidays.orElse(List.of()).stream()
                        .map(LocalDate::parse)
                        .collect(Collectors.toSet())));
    }

    @Produces
    @Singleton
    TrendDetector trendDetector(TrendConfig config) {
        return new TrendDetector(
                config.window(), config.baseline(), config.alpha(), config.minimumCount(), config.minimumDailyRate());
    }
}
