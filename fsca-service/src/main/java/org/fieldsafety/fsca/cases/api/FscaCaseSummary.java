package org.fieldsafety.fsca.cases.api;

import java.time.Clock;
import java.time.Instant;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.query.FscaCaseView;

/**
 * A case as the console's queue shows it: how many incidents and trend signals it holds and the reporting
 * clock that runs out first ({@code nearestClock}, null without a reporting duty), read from the case row
 * alone, so that a case of thousands of incidents lists as fast as one of a single incident.
 */
public record FscaCaseSummary(
        String caseId,
        String problemId,
        String productId,
        CaseStatus status,
        int incidentCount,
        int trendSignalCount,
        ClockResponse nearestClock,
        boolean overdue) {

    /** The case row as read at {@code clock}'s now. */
    public static FscaCaseSummary of(FscaCaseView view, Clock clock) {
        Instant now = clock.instant();
        Incident.ReportingClock nearest = view.nearestClock();
        return new FscaCaseSummary(
                view.caseId,
                view.problemId,
                view.productId,
                view.status,
                view.incidentCount,
                view.details.trendSignals.size(),
                nearest == null ? null : FscaCaseResponse.clock(nearest, now),
                FscaCaseResponse.overdue(view, now));
    }
}
