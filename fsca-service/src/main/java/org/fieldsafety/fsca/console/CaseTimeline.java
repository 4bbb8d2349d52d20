package org.fieldsafety.fsca.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.platform.signature.Signature;

/**
 * A case's history in the order it happened, from its read model. A signed step carries its signature,
 * which the console prints with the signer's name, the time and the meaning (21 CFR 11.50).
 */
final class CaseTimeline {

    private CaseTimeline() {}

    /** One step; {@code signature} is null for unsigned steps. */
    record Entry(Instant at, String what, String detail, Signature signature) {}

    static List<Entry> of(FscaCaseResponse fsca) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(
                fsca.openedAt(),
                "Case opened",
                "for problem " + fsca.problemId()
                        + (fsca.previousCaseId() == null ? "" : ", after closed case " + fsca.previousCaseId()),
                null));
        fsca.incidents().forEach(i -> {
            entries.add(new Entry(
                    i.awareAt(),
                    "Incident became known",
                    "report " + i.reportId() + (i.seriousIncident() ? ", a serious incident" : ""),
                    null));
            i.followUps()
                    .forEach(f -> entries.add(new Entry(
                            f.awareAt(), "Follow-up report", "report " + f.reportId() + " on " + i.reportId(), null)));
            // a decision stays with its clock when a rule later changes the clock: shown once
            Set<ReportingClock.Decision> shown = new HashSet<>();
            String report = "report " + i.reportId();
            i.clockHistory().stream()
                    .map(ReportingClock.Change::clock)
                    .filter(c -> c.decision() != null && shown.add(c.decision()))
                    .forEach(c -> entries.add(reportability(report, c.regime(), c.basis(), c.decision())));
            i.clocks().stream()
                    .filter(c -> c.decision() != null && shown.add(c.decision()))
                    .forEach(c -> entries.add(reportability(report, c.regime(), c.basis(), c.decision())));
        });
        if (fsca.correctionClock() != null && fsca.correctionClock().decision() != null) {
            ClockResponse correction = fsca.correctionClock();
            entries.add(
                    reportability("the correction", correction.regime(), correction.basis(), correction.decision()));
        }
        fsca.fdaRequests()
                .forEach(r -> entries.add(
                        new Entry(r.receivedAt(), "FDA written request for 5-day reports", r.reference(), null)));
        fsca.trendSignals()
                .forEach(t -> entries.add(new Entry(
                        t.raisedAt(),
                        "Trend signal raised",
                        t.observed() + " reports in its window, where " + t.expectedReports() + " were expected",
                        null)));
        if (fsca.assessment() != null) {
            entries.add(new Entry(
                    fsca.assessment().assessedAt(),
                    "Health hazard assessed" + (fsca.assessment().urgent() ? " (urgent)" : "")
                            + (fsca.assessment().remedialActionNeeded() ? ", remedial action needed" : ""),
                    fsca.assessment().assessment(),
                    fsca.assessment().signature()));
        }
        FscaCaseView.Decision decision = fsca.decision();
        if (decision != null) {
            entries.add(new Entry(
                    decision.signature().signedAt(),
                    (decision.review() ? "Decision reviewed: " : "Decided: ")
                            + ConsoleLabels.label(decision.decision())
                            + (decision.action() == null ? "" : ", action: " + ConsoleLabels.label(decision.action())),
                    decision.rationale(),
                    decision.signature()));
        }
        fsca.authorityNotifications()
                .forEach(n -> entries.add(new Entry(
                        n.notifiedAt(),
                        "Competent authority notified" + (n.draftNoticeSent() ? ", draft notice sent" : ""),
                        (n.country() == null ? "" : n.country() + ": ") + n.competentAuthority() + ", reference "
                                + n.reference(),
                        null)));
        fsca.fieldSafetyNotices().forEach(notice -> {
            entries.add(new Entry(
                    notice.notice().date().atStartOfDay().toInstant(ZoneOffset.UTC),
                    "Field Safety Notice issued",
                    notice.notice().reference() + " to " + String.join(", ", notice.recipients()),
                    notice.signature()));
            notice.acknowledgements()
                    .forEach(a -> entries.add(new Entry(
                            a.acknowledgedAt(),
                            "Receipt acknowledged",
                            "of " + notice.notice().reference() + " by " + a.recipient(),
                            null)));
        });
        fsca.deliveryFailures()
                .forEach(f -> entries.add(new Entry(
                        f.failedAt(),
                        "Delivery failed" + (f.finalFailure() ? " for the last time" : ""),
                        f.recipient() + ", attempt " + f.attempt() + ": " + f.reason(),
                        null)));
        if (fsca.effectivenessCheck() != null) {
            entries.add(new Entry(
                    fsca.effectivenessCheck().checkedAt(),
                    "Effectiveness checked: " + fsca.effectivenessCheck().outcome(),
                    fsca.effectivenessCheck().rationale(),
                    null));
        }
        if (fsca.closure() != null) {
            entries.add(new Entry(
                    fsca.closure().signature().signedAt(),
                    "Case closed",
                    fsca.closure().rationale(),
                    fsca.closure().signature()));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    private static Entry reportability(String of, String regime, String basis, ReportingClock.Decision decision) {
        return new Entry(
                decision.signature().signedAt(),
                "Reportability decided: "
                        + ConsoleLabels.words(decision.decision().name()),
                of + ", " + ConsoleLabels.regimeName(regime) + " " + basis + ": " + decision.rationale(),
                decision.signature());
    }
}
