package org.fieldsafety.fsca.cases.api;

import java.time.Clock;
import java.time.Instant;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.query.FscaCaseView;

/**
 * A case as the console's queue shows it: how many incidents and trend signals it holds, the running
 * reporting clock that runs out first ({@code nearestClock}, null when none runs; MISSED once past), whether
 * news awaits the decision's review and the closed case it follows, read from the case row alone, so that
 * a case of thousands of incidents lists as fast as one of a single incident.
 */
public record FscaCaseSummary(
        String caseId,
        String problemId,
        String productId,
        CaseStatus status,
        String previousCaseId,
        boolean decisionReviewRequired,
        int incidentCount,
        int trendSignalCount,
        ClockResponse nearestClock,
        boolean overdue) {

    /** The case row as read at {@code clock}'s now. */
    public static FscaCaseSummary of(FscaCaseView view, Clock clock) {
        Instant now = clock.instant();
        ReportingClock nearest = view.nearestClock();
        return new FscaCaseSummary(
                view.caseId,
                view.problemId,
                view.productId,
                view.status,
                view.previousCaseId,
                view.decisionReviewRequired,
                view.incidentCount,
                view.details.trendSignals.size(),
                nearest == null ? null : FscaCaseResponse.clock(nearest, now),
                FscaCaseResponse.overdue(view, now));
    }
}
