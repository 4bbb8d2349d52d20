package org.fieldsafety.triage;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.fieldsafety.triage.problem.TrendConfig;
import org.fieldsafety.triage.problem.TrendDetector;

/** The trend detector's parameters; the clock comes from platform/core. */
public class TriageConfiguration {

    @Produces
    @Singleton
    TrendDetector trendDetector(TrendConfig config) {
        return new TrendDetector(
                config.window(), config.baseline(), config.alpha(), config.minimumCount(), config.minimumDailyRate());
    }
}
