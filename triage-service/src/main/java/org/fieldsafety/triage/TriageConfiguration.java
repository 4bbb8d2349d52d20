package org.fieldsafety.triage;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.fieldsafety.triage.classification.Reportability;
import org.fieldsafety.triage.classification.ReportingRegimes;
import org.fieldsafety.triage.problem.TrendConfig;
import org.fieldsafety.triage.trend.TrendDetector;

/** The reporting regimes and the trend detector's parameters; the clock comes from platform/core. */
public class TriageConfiguration {

    @Produces
    @Singleton
    Reportability reportability() {
        return new Reportability(ReportingRegimes.ALL);
    }

    @Produces
    @Singleton
    TrendDetector trendDetector(TrendConfig config) {
        return new TrendDetector(
                config.window(), config.baseline(), config.alpha(), config.minimumCount(), config.minimumDailyRate());
    }
}
