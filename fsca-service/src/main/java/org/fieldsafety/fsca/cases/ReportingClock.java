package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fieldsafety.platform.signature.Signature;

/**
 * One regime's reporting clock: the duty's basis (an article or clause) and deadline, and where the clock
 * stands. The machine proposes a duty ({@link #proposed}); a person decides it (MDR Art. 87, MDCG 2023-3: a
 * report may end as "not reportable" with a rationale; 21 CFR 803.18 keeps that record): a signed
 * REPORTABLE confirms it and the clock runs on, a signed NOT_REPORTABLE ends it; a submission ends it too.
 * A clock still open when its deadline passes is MISSED ({@link #stateAt}). {@code regime} is data (the
 * regime ids triage publishes), so a regime added there needs no change here.
 *
 * @param state OPEN, NOT_REPORTABLE or SUBMITTED as recorded (an event from before clock states reads OPEN)
 * @param decision the person's signed decision, null while the duty is only proposed
 * @param submission the report that ended the clock, null until then
 * @param followUpNumber how many reports of the incident under this regime the authority already took before
 *     this clock's (0 for the first report; a follow-up of a submitted report counts one more, {@link
 *     CaseDuties#followedUp}); 0 in events from before it was recorded
 */
public record ReportingClock(
        String regime,
        String basis,
        Instant deadline,
        ClockState state,
        Decision decision,
        Submission submission,
        int followUpNumber) {

    public ReportingClock {
        state = state == null ? ClockState.OPEN : state;
    }

    /** A duty as triage or a rule of the case proposes it: open, undecided. */
    public static ReportingClock proposed(String regime, String basis, Instant deadline) {
        return new ReportingClock(regime, basis, deadline, ClockState.OPEN, null, null, 0);
    }

    /** Whether the clock still runs: open, whether decided reportable or not yet decided. */
    public boolean running() {
        return state == ClockState.OPEN;
    }

    /** The state as of {@code now}: an open clock past its deadline is MISSED. */
    public ClockState stateAt(Instant now) {
        return running() && now.isAfter(deadline) ? ClockState.MISSED : state;
    }

    /** This clock with a person's decision: NOT_REPORTABLE ends it, REPORTABLE keeps it running. */
    public ReportingClock decided(Decision next) {
        return new ReportingClock(
                regime,
                basis,
                deadline,
                next.decision() == Reportability.NOT_REPORTABLE ? ClockState.NOT_REPORTABLE : ClockState.OPEN,
                next,
                submission,
                followUpNumber);
    }

    public ReportingClock submitted(Submission report) {
        return new ReportingClock(regime, basis, deadline, ClockState.SUBMITTED, decision, report, followUpNumber);
    }

    /**
     * This submitted clock after the authority rejected its report: running again, its deadline and
     * decision unchanged (the duty was not discharged, so a resubmission after the deadline is late).
     */
    public ReportingClock reopened() {
        return new ReportingClock(regime, basis, deadline, ClockState.OPEN, decision, null, followUpNumber);
    }

    /** This open clock with another basis and deadline; its decision stays. */
    public ReportingClock due(String newBasis, Instant newDeadline) {
        return new ReportingClock(regime, newBasis, newDeadline, state, decision, submission, followUpNumber);
    }

    /** This clock as the report that follows {@code number} reports the authority took. */
    public ReportingClock numbered(int number) {
        return new ReportingClock(regime, basis, deadline, state, decision, submission, number);
    }

    /** A person's signed decision on a proposed duty, bound to the case version it was signed on (21 CFR 11.70). */
    public record Decision(Reportability decision, String rationale, Signature signature, long signedVersion) {}

    /** The report that discharged the clock: the authority's or the gateway's reference, and when it went. */
    public record Submission(String reference, Instant submittedAt) {}

    /** A clock as it was until {@code at}, when it was replaced for {@code reason}: the clock's history. */
    public record Change(ReportingClock clock, String reason, Instant at) {

        /** The reason a reopened clock's submitted state went to the history, followed by the authority's. */
        public static final String REJECTED = "submission rejected";

        /** A report the authority took: a submitted clock replaced for any reason but a rejection. */
        public boolean acceptedSubmission() {
            return clock.state() == ClockState.SUBMITTED && !reason.startsWith(REJECTED);
        }
    }

    /** The clock of {@code regime} among an incident's {@code clocks}, if it has one. */
    public static Optional<ReportingClock> of(List<ReportingClock> clocks, String regime) {
        return clocks.stream().filter(c -> c.regime().equals(regime)).findFirst();
    }

    /** An incident's {@code clocks} with the clock of {@code regime} changed by {@code change}. */
    public static List<ReportingClock> changed(
            List<ReportingClock> clocks, String regime, UnaryOperator<ReportingClock> change) {
        return clocks.stream()
                .map(c -> c.regime().equals(regime) ? change.apply(c) : c)
                .toList();
    }
}
