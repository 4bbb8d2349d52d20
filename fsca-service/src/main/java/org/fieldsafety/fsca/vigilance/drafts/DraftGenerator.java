package org.fieldsafety.fsca.vigilance.drafts;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.processing.AtBatchCommit;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ClockReopened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.CorrectionReportDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaReportsDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentFollowedUp;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportabilityDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportingClocksChanged;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.vigilance.FscaReports;
import org.fieldsafety.fsca.vigilance.ReportingDuty;
import org.fieldsafety.fsca.vigilance.TrendReports;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.GenerateDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.WithdrawDraft;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryService;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * The machine proposes the reports: follows the FSCA cases' events on a tracking processor of its own and,
 * for each clock they show running (OPEN, or MISSED, which is OPEN past its deadline), drafts its report
 * ({@link ReportingDuty}: an id from the duty alone, so a replayed or redelivered event drafts nothing
 * twice); a clock signed not reportable withdraws its draft, and a clock whose basis changed (a 30-day report
 * that became a 5-day report) withdraws the draft of the kind it no longer asks for. The commands go
 * through the audited path as the system, those of a processor's batch of events together when the batch
 * commits ({@link AtBatchCommit}); the processor's token moves on only once they committed, so no clock is
 * missed (decision 0019). The case's FSCA reports and its trend episodes' reports, which have no
 * clock, are drafted from the events that make them due. An incident's EU MDR clock that a periodic summary
 * agreement covers (MDR Art. 87(9), {@link PeriodicSummaryService}) gets no report of its own: the incident is
 * listed in its period's summary and its clock made due with it, together, unless the summary already went.
 */
@Singleton
@ProcessingGroup(DraftGenerator.PROCESSING_GROUP)
public class DraftGenerator {

    public static final String PROCESSING_GROUP = "vigilance-drafts";

    private final AuditedCommands commands;
    private final PeriodicSummaryService summaries;
    private final Clock clock;

    /**
     * Where the commands run: a thread of their own, outside the processor's unit of work and transaction.
     * On the processor's thread Axon would nest each command's unit of work in the processor's, and store
     * the command's events only when the processor's batch commits, after the audited path linked them.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "vigilance-drafts"));

    /** Each event's commands, sent with those of its processor's batch of events when the batch commits. */
    private final AtBatchCommit<List<Object>> batch =
            new AtBatchCommit<>(DraftGenerator.class.getName(), this::sendInOrder);

    DraftGenerator(AuditedCommands commands, PeriodicSummaryService summaries, Clock clock) {
        this.commands = commands;
        this.summaries = summaries;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    @EventHandler
    void on(IncidentAttached event) {
        Incident incident = event.incident();
        List<ReportingClock> clocks = incident.clocks();
        if (coveredBySummary(event.caseId(), incident)) {
            clocks = clocks.stream()
                    .filter(c -> !c.regime().equals(PeriodicSummaryService.REGIME.name()))
                    .toList();
        }
        follow(event.caseId(), incident.reportId(), clocks, false);
    }

    /**
     * Lists the incident in its period's summary report and makes its clock due with it, when an agreement
     * covers it; false when none does, or the summary refuses it (no longer a draft): then it is reported
     * on its own.
     */
    private boolean coveredBySummary(String caseId, Incident incident) {
        List<Object> coverage = summaries.coverage(caseId, incident, clock.instant());
        if (coverage.isEmpty()) {
            return false;
        }
        try {
            run(() -> commands.sendAll(coverage, AuditedCommands.SYSTEM));
            return true;
        } catch (RuleViolation e) {
            return false;
        }
    }

    @EventHandler
    void on(IncidentFollowedUp event) {
        follow(event.caseId(), event.reportId(), event.clocks(), true);
    }

    @EventHandler
    void on(IncidentReclassified event) {
        follow(event.caseId(), event.reportId(), event.clocks(), true);
    }

    @EventHandler
    void on(ReportingClocksChanged event) {
        follow(event.caseId(), event.reportId(), event.clocks(), true);
    }

    /** Events from before the decided clock was recorded carry none: their draft stays as it was. */
    @EventHandler
    void on(ReportabilityDecided event) {
        if (event.clock() != null) {
            follow(event.caseId(), event.reportId(), List.of(event.clock()), false);
        }
    }

    @EventHandler
    void on(ClockReopened event) {
        follow(event.caseId(), event.reportId(), List.of(event.clock()), false);
    }

    @EventHandler
    void on(CorrectionReportDue event) {
        follow(event.caseId(), null, List.of(event.clock()), false);
    }

    /** The FSCA reports, one per regime the FSCA concerns ({@link FscaReports}). */
    @EventHandler
    void on(FscaReportsDue event) {
        send(
                FscaReports.due(event.caseId(), event.dueAt(), event.concerned()).stream()
                        .map(duty -> new GenerateDraft(duty.reportId(), duty, clock.instant()))
                        .toList(),
                List.of());
    }

    /** An FSCA revised away before its notice went out (MDR Art. 89) withdraws its reports' drafts. */
    @EventHandler
    void on(FscaDecided event) {
        if (event.decision() == FscaDecision.NO_FSCA && event.review()) {
            send(
                    List.of(),
                    FscaReports.ids(event.caseId()).stream()
                            .map(id -> new WithdrawDraft(id, "the FSCA was revised away", clock.instant()))
                            .toList());
        }
    }

    /** The trend report of each trend episode recorded on the case ({@link TrendReports}). */
    @EventHandler
    void on(TrendSignalRecorded event) {
        ReportingDuty duty = TrendReports.due(event.caseId(), event.signal());
        send(List.of(new GenerateDraft(duty.reportId(), duty, clock.instant())), List.of());
    }

    /**
     * Drafts (again) the report of each running clock and withdraws the draft of each clock signed not
     * reportable; {@code changed}: the clocks may have changed their basis, superseding drafts of other kinds.
     */
    private void follow(String caseId, String reportId, List<ReportingClock> clocks, boolean changed) {
        List<GenerateDraft> drafts = new ArrayList<>();
        List<WithdrawDraft> withdrawals = new ArrayList<>();
        for (ReportingClock each : clocks) {
            Optional<ReportingDuty> duty = reportId == null
                    ? Optional.of(ReportingDuty.ofCase(caseId, each))
                    : ReportingDuty.of(caseId, reportId, each);
            duty.ifPresent(d -> {
                switch (each.state()) {
                    case OPEN, MISSED -> {
                        drafts.add(new GenerateDraft(d.reportId(), d, clock.instant()));
                        if (changed) {
                            d.supersededIds()
                                    .forEach(id -> withdrawals.add(new WithdrawDraft(
                                            id, "superseded by the " + d.kind() + " report", clock.instant())));
                        }
                    }
                    case NOT_REPORTABLE ->
                        withdrawals.add(new WithdrawDraft(d.reportId(), "signed not reportable", clock.instant()));
                    case SUBMITTED -> {
                        // the report ended the clock: nothing to draft
                    }
                }
            });
        }
        send(drafts, withdrawals);
    }

    /** The drafts, then the withdrawals, sent with those of the processor's batch of events ({@link #sendInOrder}). */
    private void send(List<GenerateDraft> drafts, List<WithdrawDraft> withdrawals) {
        List<Object> commands = new ArrayList<>(drafts);
        commands.addAll(withdrawals);
        if (!commands.isEmpty()) {
            batch.add(commands);
        }
    }

    /**
     * Sends the events' commands in order, on the sender's thread, and waits for them: each run of drafts of
     * different reports in one transaction, each withdrawal in one of its own (a withdrawal of a draft that
     * does not exist fails its transaction).
     */
    private void sendInOrder(List<List<Object>> events) {
        run(() -> {
            List<GenerateDraft> drafts = new ArrayList<>();
            for (List<Object> commands : events) {
                for (Object command : commands) {
                    if (!(command instanceof GenerateDraft draft)
                            || drafts.stream().anyMatch(d -> d.reportId().equals(draft.reportId()))) {
                        sendAll(drafts);
                    }
                    if (command instanceof GenerateDraft draft) {
                        drafts.add(draft);
                    } else {
                        withdraw((WithdrawDraft) command);
                    }
                }
            }
            sendAll(drafts);
        });
    }

    private void sendAll(List<GenerateDraft> drafts) {
        if (!drafts.isEmpty()) {
            commands.sendAll(drafts, AuditedCommands.SYSTEM);
            drafts.clear();
        }
    }

    /** Runs {@code step} on the sender's thread and waits for it; its failure is this one's. */
    private void run(Runnable step) {
        try {
            sender.submit(step).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drafting the vigilance reports", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** A report of a superseded kind may never have been drafted. */
    private void withdraw(WithdrawDraft withdrawal) {
        try {
            commands.send(withdrawal, AuditedCommands.SYSTEM);
        } catch (AggregateNotFoundException e) {
            // no such draft: nothing to withdraw
        }
    }
}
