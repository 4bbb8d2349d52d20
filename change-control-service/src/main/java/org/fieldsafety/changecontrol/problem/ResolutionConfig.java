package org.fieldsafety.changecontrol.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How problem resolutions are verified. */
@ConfigMapping(prefix = "change-control")
public interface ResolutionConfig {

    /**
     * How long a fix must be in the field without the problem recurring on it before its resolution is
     * verified and the report closed (IEC 62304 9.7, see NoRecurrence); ISO-8601, e.g. P30D.
     */
    @WithDefault("P30D")
    Duration noRecurrenceWindow();
}
