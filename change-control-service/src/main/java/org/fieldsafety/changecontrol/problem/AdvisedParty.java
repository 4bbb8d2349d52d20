package org.fieldsafety.changecontrol.problem;

import java.time.Instant;

/** A relevant party advised of the problem, and when (IEC 62304 9.3). */
public record AdvisedParty(String who, Instant advisedAt) {}
