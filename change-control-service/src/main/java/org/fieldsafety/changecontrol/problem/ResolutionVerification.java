package org.fieldsafety.changecontrol.problem;

import java.time.Instant;

/**
 * The verification of a problem's resolution as stated by quality assurance (IEC 62304 9.7): the problem
 * is resolved, adverse trends are reversed, the change was implemented in the right items and no new
 * problems were introduced. That it has not recurred in the field is not stated but checked, see
 * {@link NoRecurrence}.
 */
public record ResolutionVerification(
        boolean resolved,
        boolean trendReversed,
        boolean changeImplementedInRightItems,
        boolean noNewProblems,
        String verifiedBy,
        Instant verifiedAt) {}
