package org.fieldsafety.fsca.vigilance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.AcknowledgeReport;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.CompleteDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.GenerateDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.ListInPeriodicSummary;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.SubmitReport;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.WithdrawDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftCompleted;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftGenerated;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftWithdrawn;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.IncidentListed;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportAcknowledged;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportRejected;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportSubmitted;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;

/**
 * One vigilance report: the answer to one reporting duty of an FSCA case ({@link ReportingDuty}). The
 * machine drafts it for every running clock and withdraws the draft when the clock is signed not reportable;
 * regulatory affairs completes the draft and submits it, approved (21 CFR 11.50(a)(3)), which freezes it. A
 * report is submitted once (MDR Art. 87(6), 21 CFR 803.56: new information is a follow-up or supplemental
 * report, not the same report again); the authority acknowledges or rejects it, and a rejected report is
 * drafted again once its clock runs again, to be resubmitted. A periodic summary report (MDR Art. 87(9)) is
 * drafted by the first incident it lists and lists each later one of its period while it is a draft.
 * Command handlers check the rules and apply
 * events; event-sourcing handlers only set state.
 */
public class VigilanceReport {

    @AggregateIdentifier
    private String reportId;

    private ReportingDuty duty;
    private VigilanceReportStatus status;
    private String authorityReference;
    /** The incidents a periodic summary report lists; empty for every other kind. */
    private final Set<SummaryPeriod.Listed> listed = new HashSet<>();

    VigilanceReport() {
        // for Axon
    }

    /**
     * Idempotent: a report already drafted for the same duty, or submitted, stays as it is. A draft whose
     * duty changed (another deadline or basis), a withdrawn draft whose clock runs again and a rejected report
     * (a resubmission) are drafted again.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GenerateDraft command) {
        boolean again = status == VigilanceReportStatus.WITHDRAWN
                || status == VigilanceReportStatus.REJECTED
                || (status == VigilanceReportStatus.DRAFT && !duty.equals(command.duty()));
        if (reportId == null || again) {
            apply(new DraftGenerated(command.reportId(), command.duty(), command.generatedAt()));
        }
    }

    /**
     * The first incident drafts the summary; an incident already listed changes nothing (a replayed or
     * redelivered event). A summary no longer a draft (submitted) lists no more: an incident arriving after
     * it went is reported on its own.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ListInPeriodicSummary command) {
        if (listed.contains(command.incident())) {
            return;
        }
        if (reportId == null) {
            apply(new DraftGenerated(command.reportId(), command.duty(), command.listedAt()));
        } else if (status != VigilanceReportStatus.DRAFT) {
            throw new RuleViolation(
                    "summary-not-draft",
                    "MDR Art. 87(9)",
                    "the periodic summary report is " + status + ": an incident arriving now is reported on its own");
        }
        apply(new IncidentListed(command.reportId(), command.period(), command.incident(), command.listedAt()));
    }

    /** Only a draft is withdrawn; anything else (already withdrawn, submitted) stays. */
    @CommandHandler
    void handle(WithdrawDraft command) {
        if (status == VigilanceReportStatus.DRAFT) {
            apply(new DraftWithdrawn(reportId, duty, command.reason(), command.withdrawnAt()));
        }
    }

    @CommandHandler
    void handle(CompleteDraft command) {
        requireDraft();
        apply(new DraftCompleted(reportId, command.content(), command.completedAt()));
    }

    /**
     * Submitted once, approved, not in the future, as the draft stands (a document composed from an older
     * version of it is refused); late when after the duty's due time (MDR Art. 87; 21 CFR 803.50, 803.53,
     * 806.10 set it).
     */
    @CommandHandler
    void handle(SubmitReport command) {
        requireDraft();
        if (command.basedOnVersion() != AggregateLifecycle.getVersion()) {
            throw new ConcurrentChange("vigilance report " + reportId);
        }
        Signature signature = command.signature();
        if (signature == null || signature.meaning() != SignatureMeaning.APPROVAL) {
            throw new InvalidInput(
                    "signature-meaning",
                    "21 CFR 11.50(a)(3)",
                    "a submission is signed with the meaning APPROVAL"
                            + (signature == null ? "" : ", not " + signature.meaning()));
        }
        if (command.submittedAt().isAfter(command.recordedAt())) {
            throw new InvalidInput(
                    "submitted-in-future",
                    "a submission is recorded once it happened, so not later than now (" + command.recordedAt() + ")");
        }
        apply(new VigilanceReportSubmitted(
                reportId,
                duty,
                command.reference(),
                command.submittedAt(),
                command.submittedAt().isAfter(duty.dueAt()),
                command.document(),
                command.fileName(),
                command.sha256(),
                signature,
                AggregateLifecycle.getVersion()));
    }

    /**
     * The authority's answer to the submitted report; the same answer again (a gateway's file read twice)
     * changes nothing.
     */
    @CommandHandler
    void handle(AcknowledgeReport command) {
        if (command.accepted() ? blank(command.authorityReference()) : blank(command.reason())) {
            throw new InvalidInput(
                    "acknowledgement-incomplete",
                    command.accepted()
                            ? "an accepted report names the authority's reference"
                            : "a rejected report names the reason");
        }
        if (status == VigilanceReportStatus.ACKNOWLEDGED
                && command.accepted()
                && command.authorityReference().equals(authorityReference)) {
            return;
        }
        if (status != VigilanceReportStatus.SUBMITTED) {
            throw new RuleViolation(
                    "report-not-submitted",
                    "MDR Art. 87",
                    "only a submitted report is acknowledged or rejected; this one is " + status);
        }
        if (command.accepted()) {
            apply(new VigilanceReportAcknowledged(
                    reportId, duty, command.authorityReference(), command.acknowledgedAt()));
        } else {
            apply(new VigilanceReportRejected(reportId, duty, command.reason(), command.acknowledgedAt()));
        }
    }

    private void requireDraft() {
        if (status == VigilanceReportStatus.SUBMITTED || status == VigilanceReportStatus.ACKNOWLEDGED) {
            throw new RuleViolation(
                    "report-submitted",
                    "MDR Art. 87(6); 21 CFR 803.56",
                    "the report is submitted and frozen: a correction is a follow-up report");
        }
        if (status != VigilanceReportStatus.DRAFT) {
            throw new RuleViolation(
                    "report-not-draft",
                    "MDR Art. 87",
                    "the report is " + status + ": only a draft is completed or submitted (a rejected report is"
                            + " drafted again once its clock runs again)");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(DraftGenerated event) {
        reportId = event.reportId();
        duty = event.duty();
        status = VigilanceReportStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(IncidentListed event) {
        listed.add(event.incident());
    }

    @EventSourcingHandler
    void on(DraftWithdrawn event) {
        status = VigilanceReportStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(VigilanceReportSubmitted event) {
        status = VigilanceReportStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(VigilanceReportAcknowledged event) {
        status = VigilanceReportStatus.ACKNOWLEDGED;
        authorityReference = event.authorityReference();
    }

    @EventSourcingHandler
    void on(VigilanceReportRejected event) {
        status = VigilanceReportStatus.REJECTED;
    }
}
