package org.fieldsafety.changecontrol.change.query;

import java.time.Instant;

/** A change request's release (IEC 62304 6.3): the version it put in the field, and when. */
public record ReleasedChange(String changeRequestId, String version, Instant releasedAt) {}
