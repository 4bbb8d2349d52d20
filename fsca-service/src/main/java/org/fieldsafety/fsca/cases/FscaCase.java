package org.fieldsafety.fsca.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * One case per problem that may need a field safety corrective action (MDR Art. 89): its incidents with
 * their reporting clocks, its trend signals (MDR Art. 88), the health-hazard assessment, the signed
 * decision, the notification of the competent authority, the Field Safety Notice with its delivery, the
 * effectiveness check and the signed closure. The permitted sequence of these steps is enforced here (21 CFR 11.10(f)). Command handlers
 * check the rules and apply events; event-sourcing handlers only set state, the status by {@link
 * CaseStatus#after}.
 */
public class FscaCase {

    /**
     * Delivery of an FSN is documented as failed after at least this many attempts (MDR Art. 89(8) asks for
     * the delivery to be tracked; the count is this system's procedure, see docs/regulatory-rules.md).
     */
    static final int DELIVERY_ATTEMPTS = 3;

    @AggregateIdentifier
    private String caseId;

    private String problemId;
    private String productId;
    private Instant openedAt;
    private CaseStatus status;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, TrendSignal> trendSignals = new LinkedHashMap<>();
    private final Set<String> softwareItems = new LinkedHashSet<>();
    private String assessment;
    private boolean urgent;
    private FscaDecision decision;
    private FscaAction action;
    private String rationale;
    private boolean authorityNotified;
    private boolean noticeIssued;
    private Set<String> recipients = Set.of();
    private final Set<String> acknowledged = new HashSet<>();
    private final Map<String, Integer> failedDeliveries = new HashMap<>();
    private EffectivenessOutcome effectiveness;

    FscaCase() {
        // for Axon
    }

    /**
     * Idempotent: a report already attached with the same duties, or a trend signal already recorded (a
     * redelivered triage event), changes nothing. A report triaged again with other duties is reclassified,
     * its deadlines re-derived from the first awareness (MDR Art. 87: the clocks run from the manufacturer's
     * awareness).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTriage command) {
        if (caseId == null) {
            apply(new FscaCaseOpened(command.caseId(), command.problemId(), command.productId(), command.recordedAt()));
        }
        command.incidents().forEach(this::record);
        command.trendSignals().stream()
                .filter(signal -> !trendSignals.containsKey(signal.signalId()))
                .forEach(signal -> apply(new TrendSignalRecorded(caseId, signal)));
    }

    private void record(Incident incident) {
        Incident known = incidents.get(incident.reportId());
        if (known == null) {
            apply(new IncidentAttached(caseId, incident));
            return;
        }
        Duration shift = Duration.between(known.awareAt(), incident.awareAt());
        List<Incident.ReportingClock> clocks = incident.clocks().stream()
                .map(c -> new Incident.ReportingClock(
                        c.regime(), c.basis(), c.deadline().minus(shift)))
                .toList();
        if (!clocks.equals(known.clocks())) {
            apply(new IncidentReclassified(caseId, known.reportId(), known.awareAt(), clocks));
        }
    }

    @CommandHandler
    void handle(AssessHealthHazard command) {
        if (status != CaseStatus.OPEN) {
            throw new RuleViolation(
                    "assessment-after-decision",
                    "MDR Art. 89",
                    "the health hazard is assessed before the FSCA decision, which is already taken");
        }
        apply(new HealthHazardAssessed(caseId, command.assessment(), command.urgent(), command.assessedAt()));
    }

    @CommandHandler
    void handle(DecideFsca command) {
        if (status != CaseStatus.OPEN) {
            throw new RuleViolation(
                    "case-already-decided",
                    "MDR Art. 89",
                    "the case is already decided; a new decision needs a new case");
        }
        if (command.decision() == FscaDecision.FSCA_REQUIRED && command.action() == null) {
            throw new InvalidInput("action-required", "An FSCA_REQUIRED decision names the action to take");
        }
        apply(new FscaDecided(
                caseId,
                problemId,
                productId,
                List.copyOf(softwareItems),
                command.decision(),
                command.decision() == FscaDecision.FSCA_REQUIRED ? command.action() : null,
                command.rationale(),
                command.signature(),
                AggregateLifecycle.getVersion()));
    }

    /** MDR Art. 87(1)(b): the competent authority is notified of an FSCA, before it is undertaken. */
    @CommandHandler
    void handle(NotifyAuthority command) {
        requireFsca("MDR Art. 87(1)(b)", "an authority is notified of an FSCA once the decision requires one");
        if (command.notifiedAt().isBefore(openedAt)) {
            throw new InvalidInput(
                    "notified-before-case",
                    "MDR Art. 87(1)(b)",
                    "the authority is notified of this case's FSCA, so not before the case was opened (" + openedAt
                            + ")");
        }
        apply(new AuthorityNotified(
                caseId, problemId, productId, command.competentAuthority(), command.reference(), command.notifiedAt()));
    }

    /**
     * MDR Art. 87(8), 89(8): the FSN goes out once the authority was notified, unless the case is urgent;
     * one FSN per case.
     */
    @CommandHandler
    FieldSafetyNotice handle(IssueFieldSafetyNotice command) {
        requireFsca("MDR Art. 89(8)", "a Field Safety Notice follows an FSCA_REQUIRED decision");
        if (noticeIssued) {
            throw new RuleViolation(
                    "notice-already-issued",
                    "MDR Art. 89(8)",
                    "the Field Safety Notice of this case is already issued");
        }
        if (!authorityNotified && !urgent) {
            throw new RuleViolation(
                    "authority-not-notified",
                    "MDR Art. 87(8)",
                    "notify the competent authority before issuing the Field Safety Notice"
                            + " (only an urgent case may notify at the latest when the action starts)");
        }
        FieldSafetyNotice notice = FieldSafetyNotice.compose(facts(), command.instructions(), command.issuedAt());
        apply(new FieldSafetyNoticeIssued(caseId, problemId, productId, notice, List.copyOf(command.recipients())));
        return notice;
    }

    /** MDR Art. 89(8): receipt of the FSN is acknowledged; idempotent per recipient. */
    @CommandHandler
    void handle(RecordAcknowledgement command) {
        requireRecipient(command.recipient());
        if (!acknowledged.contains(command.recipient())) {
            apply(new AcknowledgementRecorded(caseId, command.recipient(), command.acknowledgedAt()));
        }
    }

    /** A failed delivery of the FSN; the third failure for a recipient is final ({@link #DELIVERY_ATTEMPTS}). */
    @CommandHandler
    void handle(RecordDeliveryFailure command) {
        requireRecipient(command.recipient());
        int attempt = failedDeliveries.getOrDefault(command.recipient(), 0) + 1;
        apply(new DeliveryFailed(
                caseId,
                command.recipient(),
                command.reason(),
                attempt,
                attempt >= DELIVERY_ATTEMPTS,
                command.failedAt()));
    }

    /** ISO 13485 8.5.2(f), MDR Art. 89: the effectiveness of the issued FSCA is verified. */
    @CommandHandler
    void handle(CheckEffectiveness command) {
        requireOpen();
        if (!noticeIssued) {
            throw new RuleViolation(
                    "notice-not-issued",
                    "ISO 13485 8.5.2",
                    "effectiveness is checked after the Field Safety Notice is issued");
        }
        apply(new EffectivenessChecked(caseId, command.outcome(), command.rationale(), command.checkedAt()));
    }

    /** Closed only after NO_FSCA, or after a passed effectiveness check (ISO 13485 8.5.2; 21 CFR 11.70). */
    @CommandHandler
    void handle(CloseCase command) {
        requireOpen();
        boolean closable = decision == FscaDecision.NO_FSCA
                || (decision == FscaDecision.FSCA_REQUIRED && effectiveness == EffectivenessOutcome.PASSED);
        if (!closable) {
            throw new RuleViolation(
                    "closure-not-allowed",
                    "ISO 13485 8.5.2",
                    "a case closes after a NO_FSCA decision or a passed effectiveness check");
        }
        apply(new FscaCaseClosed(
                caseId,
                problemId,
                productId,
                command.rationale(),
                command.signature(),
                AggregateLifecycle.getVersion()));
    }

    private void requireOpen() {
        if (status == CaseStatus.CLOSED) {
            throw new RuleViolation("case-closed", "21 CFR 11.10(f)", "the case is closed");
        }
    }

    private void requireFsca(String clause, String rule) {
        requireOpen();
        if (decision != FscaDecision.FSCA_REQUIRED) {
            throw new RuleViolation("fsca-not-required", clause, rule);
        }
    }

    private void requireRecipient(String recipient) {
        requireOpen();
        if (!noticeIssued) {
            throw new RuleViolation(
                    "notice-not-issued", "MDR Art. 89(8)", "no Field Safety Notice has been issued yet");
        }
        if (!recipients.contains(recipient)) {
            throw new RuleViolation(
                    "not-a-recipient", "MDR Art. 89(8)", "" + recipient + " is not a recipient of an issued FSN");
        }
    }

    private FieldSafetyNotice.Facts facts() {
        return new FieldSafetyNotice.Facts(
                caseId,
                productId,
                List.copyOf(incidents.values()),
                List.copyOf(trendSignals.values()),
                action,
                rationale,
                assessment,
                urgent);
    }

    @EventSourcingHandler
    void on(FscaCaseOpened event) {
        status = CaseStatus.after(status, event);
        caseId = event.caseId();
        problemId = event.problemId();
        productId = event.productId();
        openedAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(IncidentAttached event) {
        incidents.put(event.incident().reportId(), event.incident());
        if (event.incident().softwareItem() != null) {
            softwareItems.add(event.incident().softwareItem());
        }
    }

    @EventSourcingHandler
    void on(TrendSignalRecorded event) {
        trendSignals.put(event.signal().signalId(), event.signal());
        if (event.signal().softwareItem() != null) {
            softwareItems.add(event.signal().softwareItem());
        }
    }

    @EventSourcingHandler
    void on(IncidentReclassified event) {
        incidents.computeIfPresent(event.reportId(), (id, incident) -> incident.reclassified(event.clocks()));
    }

    @EventSourcingHandler
    void on(HealthHazardAssessed event) {
        assessment = event.assessment();
        urgent = event.urgent();
    }

    @EventSourcingHandler
    void on(FscaDecided event) {
        status = CaseStatus.after(status, event);
        decision = event.decision();
        action = event.action();
        rationale = event.rationale();
    }

    @EventSourcingHandler
    void on(AuthorityNotified event) {
        status = CaseStatus.after(status, event);
        authorityNotified = true;
    }

    @EventSourcingHandler
    void on(FieldSafetyNoticeIssued event) {
        status = CaseStatus.after(status, event);
        noticeIssued = true;
        recipients = Set.copyOf(event.recipients());
    }

    @EventSourcingHandler
    void on(AcknowledgementRecorded event) {
        acknowledged.add(event.recipient());
    }

    @EventSourcingHandler
    void on(DeliveryFailed event) {
        failedDeliveries.put(event.recipient(), event.attempt());
    }

    @EventSourcingHandler
    void on(EffectivenessChecked event) {
        status = CaseStatus.after(status, event);
        effectiveness = event.outcome();
    }

    @EventSourcingHandler
    void on(FscaCaseClosed event) {
        status = CaseStatus.after(status, event);
    }
}
