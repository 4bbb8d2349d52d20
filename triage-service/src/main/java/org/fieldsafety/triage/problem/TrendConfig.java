package org.fieldsafety.triage.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.fieldsafety.triage.trend.TrendDetector;

/** {@code triage.trend.*}: the parameters of the {@link TrendDetector} (MDR Art. 88). */
@ConfigMapping(prefix = "triage.trend")
public interface TrendConfig {

    /** The recent window whose reports are counted. */
    @WithDefault("P7D")
    Duration window();

    /** The baseline window before the recent one that gives the expected rate. */
    @WithDefault("P90D")
    Duration baseline();

    /** The significance level of the one-sided Poisson test. */
    @WithDefault("0.01")
    double alpha();

    /** The fewest reports in the recent window that can be significant. */
    @WithDefault("3")
    long minimumCount();

    /** The lowest expected daily rate: what a problem without a baseline is compared against. */
    @WithDefault("0.1")
    double minimumDailyRate();

    /**
     * How often the problems in a trend episode are evaluated again, so that an episode ends when its reports
     * stop coming ({@link TrendReevaluation}); a Quarkus scheduler interval such as {@code 1h}.
     */
    @WithDefault("1h")
    String reevaluateEvery();
}
