package org.fieldsafety.changecontrol.problem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The verification of a problem's resolution (IEC 62304 9.7): the problem is resolved, adverse trends
 * are reversed, the change was implemented in the right items, no new problems were introduced, and the
 * problem has not recurred since {@code noRecurrenceSince}.
 */
public record ResolutionVerification(
        boolean resolved,
        boolean trendReversed,
        boolean changeImplementedInRightItems,
        boolean noNewProblems,
        LocalDate noRecurrenceSince,
        String verifiedBy,
        Instant verifiedAt) {}
