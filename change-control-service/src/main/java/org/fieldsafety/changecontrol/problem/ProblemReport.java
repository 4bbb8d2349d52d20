package org.fieldsafety.changecontrol.problem;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.AdviseParties;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.CloseProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.DecideNoAction;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.InvestigateProblem;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.LinkChangeRequests;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.RecordRecurrences;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.VerifyResolution;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ChangeRequestsLinked;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.NoActionDecided;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.PartiesAdvised;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemInvestigated;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportClosed;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportOpened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportReopened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ResolutionVerified;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * A software problem report (IEC 62304 clause 9): opened with a statement of criticality (9.1),
 * investigated (9.2), resolved through change requests or closed with a rationale for no action (9.2,
 * 9.4), its parties advised (9.3), its resolution verified against the field (9.7), closed; reopened by
 * itself when the problem recurs on its fix. The field facts (the fixed release, the problem's reports)
 * come in the commands, gathered by the caller, so the decisions here depend on the history and the
 * command alone, and the events record the facts they were taken on. Command handlers check the rules
 * and apply events, answering the status their step moved the report to ({@link ProblemReportStatus});
 * event-sourcing handlers only set state.
 */
public class ProblemReport {

    @AggregateIdentifier
    private String problemReportId;

    private ProblemReportStatus status;
    private Instant openedAt;
    private boolean changeRequested;
    private boolean partiesAdvised;
    private ResolutionVerification verification;
    private FixedRelease fixedRelease;
    private Instant closedAt;

    ProblemReport() {
        // for Axon
    }

    /** Idempotent: opening a problem report that exists (a redelivered problem) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ProblemReportStatus handle(OpenProblemReport command) {
        if (problemReportId != null) {
            return status;
        }
        if (isBlank(command.productId())
                || isBlank(command.description())
                || command.criticality() == null
                || command.criticality().level() == null) {
            throw new InvalidInput(
                    "incomplete-problem-report",
                    "IEC 62304 9.1",
                    "a problem report names its product, problem and criticality");
        }
        return step(new ProblemReportOpened(
                command.problemReportId(),
                command.problemId(),
                command.productId(),
                command.softwareItem(),
                command.softwareVersion(),
                command.faultCode(),
                command.description(),
                command.criticality(),
                command.openedBy(),
                command.openedAt()));
    }

    /** IEC 62304 9.2: an open problem is investigated once (again after it reopens). */
    @CommandHandler
    ProblemReportStatus handle(InvestigateProblem command) {
        if (status != ProblemReportStatus.OPEN) {
            throw new RuleViolation(
                    "investigation-out-of-order",
                    "IEC 62304 9.2",
                    "an open problem report is investigated once; this report is " + status);
        }
        return step(new ProblemInvestigated(problemReportId, command.investigation()));
    }

    /** IEC 62304 9.2 and 9.4: the investigation decides which change requests resolve the problem. */
    @CommandHandler
    ProblemReportStatus handle(LinkChangeRequests command) {
        requireInvestigated();
        return step(new ChangeRequestsLinked(
                problemReportId, command.changeRequestIds(), command.linkedBy(), command.linkedAt()));
    }

    /** IEC 62304 9.2: no action, after the investigation, with a rationale. */
    @CommandHandler
    ProblemReportStatus handle(DecideNoAction command) {
        requireInvestigated();
        return step(
                new NoActionDecided(problemReportId, command.rationale(), command.decidedBy(), command.decidedAt()));
    }

    /** IEC 62304 9.3: the parties advised are recorded while the report is not closed. */
    @CommandHandler
    ProblemReportStatus handle(AdviseParties command) {
        if (status == ProblemReportStatus.CLOSED) {
            throw new RuleViolation(
                    "problem-report-closed", "IEC 62304 9.3", "parties are advised before the report is closed");
        }
        command.parties().stream()
                .filter(party -> party.advisedAt().isBefore(openedAt))
                .findFirst()
                .ifPresent(party -> {
                    throw new InvalidInput(
                            "advised-before-problem-report",
                            "IEC 62304 9.3",
                            party.who() + " is advised of this problem, so not before the report was opened ("
                                    + openedAt + ")");
                });
        return step(new PartiesAdvised(problemReportId, command.parties(), command.recordedBy()));
    }

    /**
     * IEC 62304 9.7: the resolution is verified once change requests or no action were decided, and only
     * when its fix has been in the field for the window without the problem recurring ({@link NoRecurrence}).
     */
    @CommandHandler
    ProblemReportStatus handle(VerifyResolution command) {
        if (status != ProblemReportStatus.CHANGE_REQUESTED
                && status != ProblemReportStatus.NO_ACTION
                && status != ProblemReportStatus.RESOLUTION_VERIFIED) {
            throw new RuleViolation(
                    "resolution-not-decided",
                    "IEC 62304 9.7",
                    "a resolution is verified after change requests or a no-action rationale"
                            + " (9.2); this report is " + status);
        }
        NoRecurrence noRecurrence = checkField(
                command.fixedRelease(),
                command.fieldReports(),
                command.noRecurrenceWindow(),
                command.verification().verifiedAt());
        return step(new ResolutionVerified(problemReportId, command.verification(), noRecurrence));
    }

    /**
     * IEC 62304 9.7 and 9.3: closed only with the resolution verified (resolved, trends reversed, the
     * change in the right items when one was made, no new problems), the problem still not recurred on the
     * fix as the field reports stand now, and the relevant parties advised.
     */
    @CommandHandler
    ProblemReportStatus handle(CloseProblemReport command) {
        if (status != ProblemReportStatus.RESOLUTION_VERIFIED || !criteriaMet()) {
            throw new RuleViolation(
                    "resolution-not-verified",
                    "IEC 62304 9.7",
                    "a problem report closes only when its resolution is verified: resolved,"
                            + " adverse trends reversed, change implemented in the right items, no new problems");
        }
        if (!partiesAdvised) {
            throw new RuleViolation(
                    "parties-not-advised", "IEC 62304 9.3", "the relevant parties are advised before closure");
        }
        NoRecurrence noRecurrence =
                checkField(fixedRelease, command.fieldReports(), command.noRecurrenceWindow(), command.closedAt());
        return step(new ProblemReportClosed(problemReportId, command.closedBy(), command.closedAt(), noRecurrence));
    }

    /**
     * A report of the problem reopens it (IEC 62304 9.6, 9.7: the problem was not resolved) when it shows
     * the problem recurring on the verified fix ({@link NoRecurrence#isRecurrence}), whether the report is
     * closed or only verified; a report on an older version, which devices not yet updated still run, does
     * not. A report closed without a fix (no action) reopens with any report triaged after its closure.
     * Once, with the first of the reports that does: the report is open again for the rest of them, as it
     * would be had they come one at a time.
     */
    @CommandHandler
    void handle(RecordRecurrences command) {
        command.reports().stream()
                .filter(this::recurs)
                .findFirst()
                .ifPresent(report ->
                        apply(new ProblemReportReopened(problemReportId, report.reportId(), report.triagedAt())));
    }

    /** Applies the step's event; the status it moved the report to, null when it did not move it. */
    private static ProblemReportStatus step(ProblemReportEvent event) {
        apply(event);
        return ProblemReportStatus.movedTo(event);
    }

    private boolean recurs(FieldReport report) {
        return switch (status) {
            case CLOSED ->
                fixedRelease == null
                        ? report.triagedAt().isAfter(closedAt)
                        : NoRecurrence.isRecurrence(report, fixedRelease);
            case RESOLUTION_VERIFIED -> fixedRelease != null && NoRecurrence.isRecurrence(report, fixedRelease);
            default -> false;
        };
    }

    /**
     * The field evidence of IEC 62304 9.7: a problem resolved through change requests needs a released fix
     * that {@link NoRecurrence} accepts; one closed without action has none to check unless a version was
     * named.
     */
    private NoRecurrence checkField(FixedRelease release, List<FieldReport> reports, Duration window, Instant now) {
        if (release == null) {
            if (changeRequested) {
                throw new RuleViolation(
                        "fix-not-released",
                        "IEC 62304 9.7",
                        "a problem resolved through change requests is verified on their released"
                                + " version; none of its change requests is released and no released version was named");
            }
            return null;
        }
        return NoRecurrence.verify(release, reports, window, now);
    }

    private void requireInvestigated() {
        if (status != ProblemReportStatus.INVESTIGATED) {
            throw new RuleViolation(
                    "resolution-before-investigation",
                    "IEC 62304 9.2",
                    "change requests or a no-action rationale follow the investigation, once; this report is "
                            + status);
        }
    }

    private boolean criteriaMet() {
        return verification.resolved()
                && verification.trendReversed()
                && (verification.changeImplementedInRightItems() || !changeRequested)
                && verification.noNewProblems();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(ProblemReportOpened event) {
        problemReportId = event.problemReportId();
        openedAt = event.openedAt();
        status = ProblemReportStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ProblemInvestigated event) {
        status = ProblemReportStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ChangeRequestsLinked event) {
        status = ProblemReportStatus.after(status, event);
        changeRequested = true;
    }

    @EventSourcingHandler
    void on(NoActionDecided event) {
        status = ProblemReportStatus.after(status, event);
        changeRequested = false;
    }

    @EventSourcingHandler
    void on(PartiesAdvised event) {
        partiesAdvised = true;
    }

    @EventSourcingHandler
    void on(ResolutionVerified event) {
        status = ProblemReportStatus.after(status, event);
        verification = event.verification();
        fixedRelease =
                event.noRecurrence() == null ? null : event.noRecurrence().fixedRelease();
    }

    @EventSourcingHandler
    void on(ProblemReportClosed event) {
        status = ProblemReportStatus.after(status, event);
        closedAt = event.closedAt();
    }

    @EventSourcingHandler
    void on(ProblemReportReopened event) {
        status = ProblemReportStatus.after(status, event);
        verification = null;
        fixedRelease = null;
        partiesAdvised = false;
    }
}
