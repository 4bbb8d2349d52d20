package org.fieldsafety.changecontrol.problem;

import java.time.Instant;

/**
 * The released version meant to fix a problem (IEC 62304 9.7): a change request's release (6.3), with the
 * change request that released it.
 */
public record FixedRelease(String version, String changeRequestId, Instant releasedAt) {}
