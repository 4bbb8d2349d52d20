package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;

/** The re-release of the verified software (IEC 62304 6.3): its version and residual anomalies. */
public record Release(String version, List<String> residualAnomalies, String releasedBy, Instant releasedAt) {}
