package org.fieldsafety.fsca.cases.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.fsca.cases.query.FscaCaseView;

/**
 * A case as the API shows it, with its incidents and trend signals (MDR Art. 88), the time left to its
 * nearest deadline and to each reporting clock at the moment of reading ({@code timeLeft}: ISO-8601
 * duration, negative once passed), and every workflow step taken so far, with the change requests raised
 * for it and their latest status in change control.
 */
public record FscaCaseResponse(
        String caseId,
        String problemId,
        String productId,
        CaseStatus status,
        Instant openedAt,
        Instant nearestDeadline,
        String timeLeft,
        boolean overdue,
        long version,
        List<IncidentResponse> incidents,
        List<TrendSignal> trendSignals,
        FscaCaseView.Assessment assessment,
        FscaCaseView.Decision decision,
        List<FscaCaseView.AuthorityNotification> authorityNotifications,
        FscaCaseView.Notice fieldSafetyNotice,
        List<FscaCaseView.DeliveryFailure> deliveryFailures,
        FscaCaseView.EffectivenessCheck effectivenessCheck,
        FscaCaseView.Closure closure,
        List<ChangeRequestResponse> changeRequests) {

    public record IncidentResponse(
            String reportId,
            Instant awareAt,
            String softwareItem,
            String softwareVersion,
            String faultCode,
            String country,
            String safetyClass,
            String hazard,
            int severity,
            int probability,
            String riskRegion,
            boolean seriousIncident,
            List<ClockResponse> clocks) {}

    /** {@code timeLeft} is an ISO-8601 duration, negative once the deadline has passed. */
    public record ClockResponse(String regime, String basis, Instant deadline, String timeLeft, boolean overdue) {}

    /** A change request raised for the case; {@code status} is change control's, as of {@code updatedAt}. */
    public record ChangeRequestResponse(String changeRequestId, String status, String milestone, Instant updatedAt) {}

    /** The case as read at {@code clock}'s now, which the times left count from. */
    public static FscaCaseResponse of(FscaCaseService.Details details, Clock clock) {
        FscaCaseView view = details.view();
        List<Incident> incidents = details.incidents();
        List<ChangeRequestView> changeRequests = details.changeRequests();
        Instant now = clock.instant();
        return new FscaCaseResponse(
                view.caseId,
                view.problemId,
                view.productId,
                view.status,
                view.openedAt,
                view.nearestDeadline,
                view.nearestDeadline == null ? null : timeLeft(now, view.nearestDeadline),
                overdue(view, now),
                view.version,
                incidents.stream().map(i -> incident(i, now)).toList(),
                view.details.trendSignals,
                view.details.assessment,
                view.details.decision,
                view.details.notifications,
                view.details.notice,
                view.details.deliveryFailures,
                view.details.effectiveness,
                view.details.closure,
                changeRequests.stream()
                        .map(c -> new ChangeRequestResponse(c.changeRequestId, c.status, c.milestone, c.updatedAt))
                        .toList());
    }

    /** A case is overdue while it is not closed and its nearest deadline has passed. */
    static boolean overdue(FscaCaseView view, Instant now) {
        return view.status != CaseStatus.CLOSED && view.nearestDeadline != null && now.isAfter(view.nearestDeadline);
    }

    static ClockResponse clock(Incident.ReportingClock clock, Instant now) {
        return new ClockResponse(
                clock.regime(),
                clock.basis(),
                clock.deadline(),
                timeLeft(now, clock.deadline()),
                now.isAfter(clock.deadline()));
    }

    private static String timeLeft(Instant now, Instant deadline) {
        return Duration.between(now, deadline).toString();
    }

    private static IncidentResponse incident(Incident i, Instant now) {
        return new IncidentResponse(
                i.reportId(),
                i.awareAt(),
                i.softwareItem(),
                i.softwareVersion(),
                i.faultCode(),
                i.country(),
                i.safetyClass(),
                i.hazard(),
                i.severity(),
                i.probability(),
                i.riskRegion(),
                i.seriousIncident(),
                i.clocks().stream().map(c -> clock(c, now)).toList());
    }
}
