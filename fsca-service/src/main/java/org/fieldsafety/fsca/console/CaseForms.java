package org.fieldsafety.fsca.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.fsca.cases.ClockState;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.query.FscaCaseView;

/** What the case page's forms offer to choose from, derived from the case as read. */
final class CaseForms {

    private CaseForms() {}

    /** One option of a form's list: the value sent, the words shown. */
    record Choice(String value, String label) {}

    /**
     * One recipient of one notice: when receipt was acknowledged (null: not yet), how many delivery attempts
     * failed, and whether the last of them was the final one.
     */
    record Recipient(
            String reference, String recipient, Instant acknowledgedAt, int failedAttempts, boolean finalFailure) {

        /** The value the acknowledgement and delivery-failure forms send: {@code reference|recipient}. */
        public String value() {
            return reference + "|" + recipient;
        }
    }

    /**
     * The clocks a person may still decide (or revise) the reportability of, every one not yet submitted:
     * {@code regime|reportId} for an incident's, {@code regime|} for the case's own (21 CFR 806.10).
     */
    static List<Choice> decidableClocks(FscaCaseResponse fsca) {
        List<Choice> choices = new ArrayList<>();
        fsca.incidents().forEach(i -> i.clocks().stream()
                .filter(CaseForms::decidable)
                .forEach(c -> choices.add(
                        new Choice(c.regime() + "|" + i.reportId(), "Report " + i.reportId() + ": " + clock(c)))));
        ClockResponse correction = fsca.correctionClock();
        if (correction != null && decidable(correction)) {
            choices.add(new Choice(
                    correction.regime() + "|", "The case's correction or removal report: " + clock(correction)));
        }
        return choices;
    }

    /** Every recipient of every notice issued, the notices in order. */
    static List<Recipient> recipients(FscaCaseResponse fsca) {
        List<Recipient> rows = new ArrayList<>();
        List<FscaCaseView.Notice> notices = fsca.fieldSafetyNotices();
        for (FscaCaseView.Notice notice : notices) {
            String reference = notice.notice().reference();
            boolean first = notice == notices.get(0);
            for (String recipient : notice.recipients()) {
                List<FscaCaseView.DeliveryFailure> failures = fsca.deliveryFailures().stream()
                        .filter(f -> recipient.equals(f.recipient())
                                && (reference.equals(f.reference()) || f.reference() == null && first))
                        .toList();
                rows.add(new Recipient(
                        reference,
                        recipient,
                        notice.acknowledgements().stream()
                                .filter(a -> recipient.equals(a.recipient()))
                                .map(FscaCaseView.Acknowledgement::acknowledgedAt)
                                .findFirst()
                                .orElse(null),
                        failures.size(),
                        failures.stream().anyMatch(FscaCaseView.DeliveryFailure::finalFailure)));
            }
        }
        return rows;
    }

    private static boolean decidable(ClockResponse clock) {
        return clock.state() != ClockState.SUBMITTED;
    }

    private static String clock(ClockResponse clock) {
        return ConsoleLabels.regimeName(clock.regime()) + " " + clock.basis() + ", due "
                + ConsoleLabels.display(clock.deadline()) + " (" + ConsoleLabels.label(clock.state()) + ")";
    }
}
