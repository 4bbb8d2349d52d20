package org.fieldsafety.fsca.cases.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.Authorities;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.ClockState;
import org.fieldsafety.fsca.cases.FdaRequest;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.RegisteredProduct;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.fsca.cases.query.FscaCaseView;

/**
 * A case as the API shows it, with its incidents and trend signals (MDR Art. 88), each reporting clock's
 * state and the time left to it at the moment of reading ({@code timeLeft}: ISO-8601 duration, negative once
 * passed, null once the clock ended; an open clock past its deadline is MISSED), the competent authorities
 * the FSCA concerns and which were notified, and every workflow step taken so far, with the change requests
 * raised for it and their latest status in change control.
 */
public record FscaCaseResponse(
        String caseId,
        String problemId,
        String productId,
        CaseStatus status,
        Instant openedAt,
        String previousCaseId,
        boolean decisionReviewRequired,
        Instant nearestDeadline,
        String timeLeft,
        boolean overdue,
        long version,
        RegisteredProduct product,
        List<IncidentResponse> incidents,
        ClockResponse correctionClock,
        List<TrendSignal> trendSignals,
        FscaCaseView.Assessment assessment,
        FscaCaseView.Decision decision,
        List<FdaRequest> fdaRequests,
        List<AuthorityResponse> authorities,
        List<FscaCaseView.AuthorityNotification> authorityNotifications,
        List<FscaCaseView.Notice> fieldSafetyNotices,
        List<FscaCaseView.DeliveryFailure> deliveryFailures,
        FscaCaseView.EffectivenessCheck effectivenessCheck,
        FscaCaseView.Closure closure,
        List<ChangeRequestResponse> changeRequests) {

    /** {@code followUps}: the follow-up reports merged into the incident; {@code clockHistory}: replaced clocks. */
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
            List<ClockResponse> clocks,
            List<Incident.FollowUp> followUps,
            List<ReportingClock.Change> clockHistory) {}

    /**
     * A clock as of the reading: {@code state} (MISSED for an open clock past its deadline), {@code timeLeft}
     * an ISO-8601 duration (negative once passed, null once the clock ended), {@code overdue} while MISSED;
     * {@code met}: a submitted clock's report went by its deadline (null until submitted); {@code
     * followUpNumber}: how many reports under the regime the authority took before this clock's.
     */
    public record ClockResponse(
            String regime,
            String basis,
            Instant deadline,
            ClockState state,
            String timeLeft,
            boolean overdue,
            ReportingClock.Decision decision,
            ReportingClock.Submission submission,
            Boolean met,
            int followUpNumber) {}

    /**
     * A competent authority the FSCA concerns (MDR Art. 87(1)(b)): where affected devices are, under which
     * regime; whether it was notified and sent a draft notice ({@code mdr}: the draft goes to it before issue,
     * MDR Art. 89(8)).
     */
    public record AuthorityResponse(
            String country, String regime, String name, boolean mdr, boolean notified, boolean draftNoticeSent) {}

    /** A change request raised for the case; {@code status} is change control's, as of {@code updatedAt}. */
    public record ChangeRequestResponse(String changeRequestId, String status, String milestone, Instant updatedAt) {}

    /** The case as read at {@code clock}'s now, which the times left count from. */
    public static FscaCaseResponse of(FscaCaseService.Details details, Clock clock) {
        FscaCaseView view = details.view();
        List<Incident> incidents = details.incidents();
        List<ChangeRequestView> changeRequests = details.changeRequests();
        Instant now = clock.instant();
        List<FscaCaseView.AuthorityNotification> notifications = view.details.notifications;
        return new FscaCaseResponse(
                view.caseId,
                view.problemId,
                view.productId,
                view.status,
                view.openedAt,
                view.previousCaseId,
                view.decisionReviewRequired,
                view.nearestDeadline,
                view.nearestDeadline == null ? null : timeLeft(now, view.nearestDeadline),
                overdue(view, now),
                view.version,
                view.details.product,
                incidents.stream().map(i -> incident(i, now)).toList(),
                view.details.correctionClock == null ? null : clock(view.details.correctionClock, now),
                view.details.trendSignals,
                view.details.assessment,
                view.details.decision,
                view.details.fdaRequests,
                Authorities.concerned(
                                view.details.product,
                                incidents.stream().map(Incident::country).toList())
                        .stream()
                        .map(a -> new AuthorityResponse(
                                a.country(),
                                a.regime(),
                                a.name(),
                                a.mdr(),
                                notifications.stream().anyMatch(n -> a.country().equals(n.country())),
                                notifications.stream()
                                        .anyMatch(n -> a.country().equals(n.country()) && n.draftNoticeSent())))
                        .toList(),
                notifications,
                view.details.notices,
                view.details.deliveryFailures,
                view.details.effectiveness,
                view.details.closure,
                changeRequests.stream()
                        .map(c -> new ChangeRequestResponse(c.changeRequestId, c.status, c.milestone, c.updatedAt))
                        .toList());
    }

    /** A case is overdue while it is not closed and its nearest running clock has passed: a clock MISSED. */
    static boolean overdue(FscaCaseView view, Instant now) {
        return view.status != CaseStatus.CLOSED && view.nearestDeadline != null && now.isAfter(view.nearestDeadline);
    }

    static ClockResponse clock(ReportingClock clock, Instant now) {
        ClockState state = clock.stateAt(now);
        return new ClockResponse(
                clock.regime(),
                clock.basis(),
                clock.deadline(),
                state,
                clock.running() ? timeLeft(now, clock.deadline()) : null,
                state == ClockState.MISSED,
                clock.decision(),
                clock.submission(),
                clock.submission() == null
                        ? null
                        : !clock.submission().submittedAt().isAfter(clock.deadline()),
                clock.followUpNumber());
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
                i.clocks().stream().map(c -> clock(c, now)).toList(),
                i.followUps(),
                i.clockHistory());
    }
}
