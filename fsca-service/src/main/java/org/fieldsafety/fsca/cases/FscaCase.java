package org.fieldsafety.fsca.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CoverByPeriodicSummary;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideReportability;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordFdaRequest;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordSubmission;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.FscaCaseCommand.ReopenClock;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ClockReopened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.CorrectionReportDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FdaRequestRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaReportsDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentFollowedUp;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ProductIdentified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportSubmitted;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportabilityDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportingClocksChanged;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * One case of a problem that may need a field safety corrective action (MDR Art. 89): its incidents with
 * their reporting clocks, which a person decides (MDR Art. 87, MDCG 2023-3), its trend signals (MDR Art.
 * 88), the signed health-hazard assessment, the signed decision and its reviews, the notification of every
 * competent authority concerned, the Field Safety Notices with their delivery, the effectiveness check and
 * the signed closure. No incident is ever hidden: a decided case that receives news asks for its decision
 * to be reviewed, and a closed case takes none but hands it to the problem's next case. The permitted
 * sequence of these steps is enforced here (21 CFR 11.10(f)). Command handlers check the rules and apply
 * events; event-sourcing handlers only set state, the status by {@link CaseStatus#after}.
 */
public class FscaCase {

    /**
     * Delivery of an FSN is documented as failed after at least this many attempts (MDR Art. 89(8) asks for
     * the delivery to be tracked; the count is this system's procedure, see docs/regulatory-rules.md).
     */
    static final int DELIVERY_ATTEMPTS = 3;

    /** How many open clocks a refused closure names before it counts the rest. */
    private static final int NAMED_CLOCKS = 5;

    @AggregateIdentifier
    private String caseId;

    private String problemId;
    private String productId;
    private Instant openedAt;
    private int generation;
    private CaseStatus status;
    private RegisteredProduct product;
    private final Map<String, HeldIncident> incidents = new LinkedHashMap<>();
    /** Each follow-up report merged into an incident, to the incident's report id. */
    private final Map<String, String> followUps = new HashMap<>();
    /**
     * One instance of each equal value the incidents hold (countries, findings, the clocks' texts): events
     * read from the store bring their own copies, and a case may hold 100,000 incidents.
     */
    private final Map<Object, Object> shared = new HashMap<>();

    private final Map<String, TrendSignal> trendSignals = new LinkedHashMap<>();
    private final Set<String> softwareItems = new LinkedHashSet<>();
    private String assessment;
    private boolean urgent;
    /** When regulatory affairs first found remedial action needed (21 CFR 803.53(a)); null until then. */
    private Instant remedialActionAt;

    /** When an FSCA was first decided required: corrective action (SOR/98-282 s.59(2)); null until then. */
    private Instant correctiveActionAt;

    private final List<FdaRequest> fdaRequests = new ArrayList<>();
    private FscaDecision decision;
    private FscaAction action;
    private String rationale;
    /** News (an incident, a follow-up, a trend signal) came after the decision. */
    private boolean reviewRequired;
    /** The countries whose authority was notified. */
    private final Set<String> notified = new HashSet<>();
    /** The countries whose authority received the draft of the next notice since the last was issued. */
    private final Set<String> draftsSent = new HashSet<>();
    /** The references of the issued notices, in order: notice n is the n-th. */
    private final List<String> notices = new ArrayList<>();

    private final Map<String, Set<String>> recipients = new HashMap<>();
    /** Per notice reference, who acknowledged it. */
    private final Map<String, Set<String>> acknowledged = new HashMap<>();
    /** Per notice reference and recipient, the failed deliveries. */
    private final Map<String, Map<String, Integer>> failedDeliveries = new HashMap<>();
    /** The case's own clock: the correction or removal report (21 CFR 806.10), from the first notice on. */
    private ReportingClock correctionClock;

    private EffectivenessOutcome effectiveness;

    FscaCase() {
        // for Axon
    }

    /**
     * Idempotent: a report already held (attached, or merged as a follow-up) with the same duties, or a trend
     * signal already recorded (a redelivered triage event), changes nothing. A report triaged again with other
     * duties is reclassified, its deadlines re-derived from the first awareness (MDR Art. 87: the clocks run
     * from the manufacturer's awareness). A follow-up of an incident updates that incident. A closed case
     * records nothing and answers the command for the problem's next case with what it does not know.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordTriage handle(RecordTriage command, CaseDuties duties) {
        if (caseId == null) {
            apply(new FscaCaseOpened(
                    command.caseId(),
                    command.problemId(),
                    command.productId(),
                    command.recordedAt(),
                    command.previousCaseId(),
                    command.generation()));
            command.fdaRequests().forEach(request -> apply(new FdaRequestRecorded(caseId, request)));
        }
        if (status == CaseStatus.CLOSED) {
            return next(command);
        }
        if (command.product() != null && !command.product().equals(product)) {
            apply(new ProductIdentified(caseId, command.product()));
        }
        command.incidents().forEach(incident -> record(incident, command.recordedAt(), duties));
        command.trendSignals().stream()
                .filter(signal -> !trendSignals.containsKey(signal.signalId()))
                .forEach(signal -> apply(new TrendSignalRecorded(caseId, signal)));
        return null;
    }

    /** The news a closed case does not hold, for the problem's next case; null when there is none. */
    private RecordTriage next(RecordTriage command) {
        List<Incident> unknown = command.incidents().stream()
                .filter(incident -> incidentOf(incident.reportId()) == null)
                .toList();
        List<TrendSignal> unseen = command.trendSignals().stream()
                .filter(signal -> !trendSignals.containsKey(signal.signalId()))
                .toList();
        return unknown.isEmpty() && unseen.isEmpty()
                ? null
                : command.next(caseId, generation, unknown, unseen, fdaRequests);
    }

    private void record(Incident incident, Instant at, CaseDuties duties) {
        String held = incidentOf(incident.reportId());
        if (held != null) {
            if (held.equals(incident.reportId())) {
                reclassify(incidents.get(held), incident, at, duties);
            }
            return;
        }
        String original = incident.followUpOf() == null ? null : incidentOf(incident.followUpOf());
        if (original != null) {
            apply(new IncidentFollowedUp(
                    caseId,
                    original,
                    incident,
                    CaseDuties.followedUp(
                            incidents.get(original).clocks(),
                            withCaseDuties(incident.clocks(), HeldIncident.of(incident), incident.awareAt(), duties),
                            incident.awareAt())));
            return;
        }
        List<ReportingClock> clocks =
                withCaseDuties(incident.clocks(), HeldIncident.of(incident), incident.awareAt(), duties);
        apply(new IncidentAttached(
                caseId,
                clocks.equals(incident.clocks())
                        ? incident
                        : incident.withClocks(clocks, caseDutiesReason(incident.awareAt()), at)));
    }

    private void reclassify(HeldIncident known, Incident incident, Instant at, CaseDuties duties) {
        Duration shift = Duration.between(known.awareAt(), incident.awareAt());
        List<ReportingClock> proposed = incident.clocks().stream()
                .map(c -> ReportingClock.proposed(
                        c.regime(), c.basis(), c.deadline().minus(shift)))
                .toList();
        List<ReportingClock> clocks = CaseDuties.reclassified(
                known.clocks(), withCaseDuties(proposed, HeldIncident.of(incident), known.awareAt(), duties));
        if (!clocks.equals(known.clocks())) {
            apply(new IncidentReclassified(caseId, known.reportId(), known.awareAt(), clocks, at));
        }
    }

    /** The report id of the incident that holds report {@code reportId}, itself or as a follow-up; null if none. */
    private String incidentOf(String reportId) {
        return incidents.containsKey(reportId) ? reportId : followUps.get(reportId);
    }

    /** What makes a US event's report a 5-day report (21 CFR 803.53), the earliest first. */
    private record Trigger(Instant at, String reason) {}

    /** The earliest 5-day trigger that covers an event known since {@code awareAt}, if the case has one. */
    private Optional<Trigger> fiveDayTrigger(Instant awareAt) {
        Stream<Trigger> remedial = remedialActionAt == null
                ? Stream.empty()
                : Stream.of(new Trigger(remedialActionAt, "21 CFR 803.53(a): remedial action needed"));
        Stream<Trigger> requested = fdaRequests.stream()
                .filter(request -> request.covers(awareAt))
                .map(request -> new Trigger(
                        request.receivedAt(), "21 CFR 803.53(b): FDA written request " + request.reference()));
        return Stream.concat(remedial, requested).min(Comparator.comparing(Trigger::at));
    }

    /**
     * The duties that follow from the case on the clocks of an event known since {@code awareAt}: its 5-day
     * report (21 CFR 803.53) and, once corrective action is decided, Health Canada's report of a serious
     * incident abroad (SOR/98-282 s.59(2)).
     */
    private List<ReportingClock> withCaseDuties(
            List<ReportingClock> clocks, HeldIncident incident, Instant awareAt, CaseDuties duties) {
        List<ReportingClock> withFiveDay = fiveDayTrigger(awareAt)
                .map(trigger -> clocks.stream()
                        .map(clock -> duties.fiveDay(clock, trigger.at(), awareAt))
                        .toList())
                .orElse(clocks);
        return correctiveActionAt == null || !incident.seriousIncident() || !Authorities.marketedIn(product, "CA")
                ? withFiveDay
                : CaseDuties.foreignToCanada(withFiveDay, incident.country(), correctiveActionAt, awareAt);
    }

    /** Why the case's duties change the clocks of an event known since {@code awareAt}. */
    private String caseDutiesReason(Instant awareAt) {
        return Stream.concat(
                        fiveDayTrigger(awareAt).map(Trigger::reason).stream(),
                        Stream.ofNullable(correctiveActionAt)
                                .map(at -> "SOR/98-282 s.59(2): corrective action decided"))
                .collect(Collectors.joining("; "));
    }

    /** After a new 5-day trigger or corrective action: every incident whose clocks the case's duties change. */
    private void applyCaseDuties(Instant at, CaseDuties duties) {
        for (HeldIncident incident : List.copyOf(incidents.values())) {
            List<ReportingClock> clocks = withCaseDuties(incident.clocks(), incident, incident.awareAt(), duties);
            if (!clocks.equals(incident.clocks())) {
                apply(new ReportingClocksChanged(
                        caseId, incident.reportId(), clocks, caseDutiesReason(incident.awareAt()), at));
            }
        }
    }

    /**
     * The signed health-hazard assessment the decision rests on (MDR Art. 89): before the decision, or before
     * its review once news came; remedial action found needed starts the 5-day reports (21 CFR 803.53(a)).
     */
    @CommandHandler
    void handle(AssessHealthHazard command, CaseDuties duties) {
        requireOpen();
        if (decision != null && !reviewRequired) {
            throw new RuleViolation(
                    "assessment-after-decision",
                    "MDR Art. 89",
                    "the health hazard is assessed before the FSCA decision, which is already taken (a new"
                            + " assessment follows news of the case, before the decision is reviewed)");
        }
        SignedStep.ASSESSMENT.require(command.signature());
        apply(new HealthHazardAssessed(
                caseId,
                command.assessment(),
                command.urgent(),
                command.assessedAt(),
                command.remedialActionNeeded(),
                command.signature(),
                AggregateLifecycle.getVersion()));
        if (command.remedialActionNeeded()) {
            applyCaseDuties(command.assessedAt(), duties);
        }
    }

    /**
     * The signed decision (MDR Art. 89), or its review: a decided case that received news is confirmed or
     * revised with a new signature; a decided case without news is not decided again, and an FSCA whose notice
     * went out is not revised away.
     */
    @CommandHandler
    void handle(DecideFsca command, CaseDuties duties) {
        requireOpen();
        if (decision != null && !reviewRequired) {
            throw new RuleViolation(
                    "case-already-decided",
                    "MDR Art. 89",
                    "the case is already decided and no news came since; its decision is reviewed when new"
                            + " incidents or trend signals arrive");
        }
        if (command.decision() == FscaDecision.FSCA_REQUIRED && command.action() == null) {
            throw new InvalidInput("action-required", "An FSCA_REQUIRED decision names the action to take");
        }
        if (command.decision() == FscaDecision.NO_FSCA && !notices.isEmpty()) {
            throw new RuleViolation(
                    "fsca-under-way",
                    "MDR Art. 89",
                    "the FSCA is under way, its Field Safety Notice issued: confirm it or change its action");
        }
        SignedStep.DECISION.require(command.signature());
        apply(new FscaDecided(
                caseId,
                problemId,
                productId,
                List.copyOf(softwareItems),
                command.decision(),
                command.decision() == FscaDecision.FSCA_REQUIRED ? command.action() : null,
                command.rationale(),
                command.signature(),
                AggregateLifecycle.getVersion(),
                command.remedialActionNeeded(),
                decision != null));
        if (decision == FscaDecision.FSCA_REQUIRED) {
            apply(new FscaReportsDue(caseId, correctiveActionAt, concerned()));
        }
        applyCaseDuties(command.signature().signedAt(), duties);
        applyFinalReports(command.signature().signedAt());
    }

    /**
     * Whether the manufacturer's investigation of the case concluded: decided without an FSCA, or the FSCA's
     * effectiveness verified (ISO 13485 8.5.2), with no news waiting for a review; the case may close.
     */
    private boolean concluded() {
        return !reviewRequired
                && (decision == FscaDecision.NO_FSCA
                        || (decision == FscaDecision.FSCA_REQUIRED && effectiveness == EffectivenessOutcome.PASSED));
    }

    /** Once the investigation concluded, each reported incident's final report falls due (MDR Art. 89(5)). */
    private void applyFinalReports(Instant at) {
        if (!concluded()) {
            return;
        }
        for (HeldIncident incident : List.copyOf(incidents.values())) {
            List<ReportingClock> clocks = CaseDuties.finalReports(incident.clocks(), at);
            if (!clocks.equals(incident.clocks())) {
                apply(new ReportingClocksChanged(
                        caseId,
                        incident.reportId(),
                        clocks,
                        CaseDuties.FINAL_REPORT + ": investigation concluded",
                        at));
            }
        }
    }

    /**
     * A person decides a proposed reporting duty, signed (MDR Art. 87, MDCG 2023-3; 21 CFR 803.18, 806.20):
     * REPORTABLE confirms it, NOT_REPORTABLE ends its clock with the rationale; a decision may be revised
     * until the report is submitted.
     */
    @CommandHandler
    void handle(DecideReportability command) {
        requireOpen();
        SignedStep.REPORTABILITY.require(command.signature());
        String reportId = command.reportId() == null ? null : incident(command.reportId());
        ReportingClock clock = clock(reportId, command.regime());
        if (clock.state() == ClockState.SUBMITTED) {
            throw new RuleViolation(
                    "report-submitted",
                    "MDR Art. 87",
                    "the " + command.regime() + " report is submitted: new information is a follow-up report");
        }
        ReportingClock.Decision decided = new ReportingClock.Decision(
                command.decision(), command.rationale(), command.signature(), AggregateLifecycle.getVersion());
        apply(new ReportabilityDecided(
                caseId,
                problemId,
                productId,
                reportId,
                command.regime(),
                clock.basis(),
                decided,
                clock.decided(decided)));
    }

    /** A submitted report ends its clock (the vigilance reports' hook); a report is submitted once. */
    @CommandHandler
    void handle(RecordSubmission command) {
        requireOpen();
        String reportId = command.reportId() == null ? null : incident(command.reportId());
        if (clock(reportId, command.regime()).state() == ClockState.SUBMITTED) {
            throw new RuleViolation(
                    "report-submitted",
                    "MDR Art. 87",
                    "the " + command.regime() + " report is submitted: new information is a follow-up report");
        }
        apply(new ReportSubmitted(
                caseId,
                reportId,
                command.regime(),
                new ReportingClock.Submission(command.reference(), command.submittedAt())));
    }

    /**
     * A periodic summary report lists the incident (MDR Art. 87(9)): its running clock of the regime is due
     * with the summary ({@link CaseDuties#PERIODIC_SUMMARY}). A clock already covered, or no longer running
     * (submitted, signed not reportable), stays as it is.
     */
    @CommandHandler
    void handle(CoverByPeriodicSummary command) {
        requireOpen();
        String reportId = incident(command.reportId());
        ReportingClock covered = clock(reportId, command.regime());
        if (!covered.running() || covered.basis().equals(CaseDuties.PERIODIC_SUMMARY)) {
            return;
        }
        List<ReportingClock> clocks = incidents.get(reportId).clocks().stream()
                .map(c -> c.regime().equals(command.regime()) ? c.due(CaseDuties.PERIODIC_SUMMARY, command.dueAt()) : c)
                .toList();
        apply(new ReportingClocksChanged(
                caseId,
                reportId,
                clocks,
                "MDR Art. 87(9): listed in periodic summary report " + command.summaryReportId(),
                command.coveredAt()));
    }

    /**
     * A report the authority rejected did not discharge its duty (MDR Art. 87; 21 CFR 803.50, 806.10): its
     * clock runs again with its deadline unchanged, so a resubmission after the deadline is late. A clock no
     * longer submitted (running again for a follow-up's new information) stays as it is.
     */
    @CommandHandler
    void handle(ReopenClock command) {
        requireOpen();
        String reportId = command.reportId() == null ? null : incident(command.reportId());
        ReportingClock clock = clock(reportId, command.regime());
        if (clock.state() != ClockState.SUBMITTED) {
            return;
        }
        apply(new ClockReopened(
                caseId, reportId, command.regime(), command.reason(), command.reopenedAt(), clock.reopened()));
    }

    /**
     * The FDA's written request for 5-day reports (21 CFR 803.53(b)): the US reports of the events it covers
     * become 5-day reports, and the problem's later cases carry the request on. A request recorded again
     * changes nothing.
     */
    @CommandHandler
    void handle(RecordFdaRequest command, CaseDuties duties) {
        requireOpen();
        if (command.request().receivedAt().isAfter(command.recordedAt())) {
            throw new InvalidInput(
                    "received-in-future",
                    "21 CFR 803.53(b)",
                    "a request is recorded once it was received, so not later than now (" + command.recordedAt() + ")");
        }
        if (fdaRequests.stream()
                .noneMatch(known -> known.reference().equals(command.request().reference()))) {
            apply(new FdaRequestRecorded(caseId, command.request()));
            applyCaseDuties(command.recordedAt(), duties);
        }
    }

    /**
     * MDR Art. 87(1)(b): a competent authority concerned is notified of an FSCA, before it is undertaken
     * (87(8)), with the draft notice (89(8)); the notification happened, so it lies neither in the future nor
     * before the case.
     */
    @CommandHandler
    void handle(NotifyAuthority command) {
        requireFsca("MDR Art. 87(1)(b)", "an authority is notified of an FSCA once the decision requires one");
        Authorities.Authority authority = Authorities.of(command.country())
                .orElseThrow(() -> new InvalidInput(
                        "unknown-authority",
                        "MDR Art. 87(1)(b)",
                        "no competent authority of " + command.country() + " is known here"));
        if (command.notifiedAt().isAfter(command.recordedAt())) {
            throw new InvalidInput(
                    "notified-in-future",
                    "MDR Art. 87(1)(b)",
                    "a notification is recorded once it happened, so not later than now (" + command.recordedAt()
                            + ")");
        }
        if (command.notifiedAt().isBefore(openedAt)) {
            throw new InvalidInput(
                    "notified-before-case",
                    "MDR Art. 87(1)(b)",
                    "the authority is notified of this case's FSCA, so not before the case was opened (" + openedAt
                            + ")");
        }
        apply(new AuthorityNotified(
                caseId,
                problemId,
                productId,
                command.competentAuthority(),
                command.reference(),
                command.notifiedAt(),
                authority.country(),
                command.draftNoticeSent()));
    }

    /**
     * MDR Art. 87(8), 89(8): a notice goes out once every MDR authority concerned was notified and sent its
     * draft, unless the case is urgent; signed by its author. Further notices follow (e.g. when the fix
     * ships), each with its draft sent again. The first notice of US-marketed devices starts the correction or
     * removal report (21 CFR 806.10).
     */
    @CommandHandler
    FieldSafetyNotice handle(IssueFieldSafetyNotice command, CaseDuties duties) {
        requireFsca("MDR Art. 89(8)", "a Field Safety Notice follows an FSCA_REQUIRED decision");
        SignedStep.FIELD_SAFETY_NOTICE.require(command.signature());
        int number = notices.size() + 1;
        List<Authorities.Authority> withoutDraft = urgent
                ? List.of()
                : concerned().stream()
                        .filter(Authorities.Authority::mdr)
                        .filter(authority -> !draftsSent.contains(authority.country()))
                        .toList();
        if (!withoutDraft.isEmpty()) {
            throw new RuleViolation(
                    "draft-notice-not-sent",
                    "MDR Art. 87(8), 89(8)",
                    "notify " + labels(withoutDraft) + " and send them the draft of notice " + number
                            + " before issuing it (only an urgent case may notify at the latest when the action"
                            + " starts)");
        }
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                new FieldSafetyNotice.Facts(
                        caseId,
                        productId,
                        product,
                        command.manufacturerSrn(),
                        number,
                        incidents.values().stream().map(HeldIncident::finding).toList(),
                        List.copyOf(trendSignals.values()),
                        action,
                        rationale,
                        assessment,
                        urgent),
                command.instructions(),
                command.issuedAt());
        apply(new FieldSafetyNoticeIssued(
                caseId, problemId, productId, notice, List.copyOf(command.recipients()), command.signature()));
        if (number == 1 && Authorities.marketedIn(product, "US")) {
            apply(new CorrectionReportDue(caseId, duties.correction(command.issuedAt())));
        }
        return notice;
    }

    /** MDR Art. 89(8): receipt of a notice is acknowledged; idempotent per notice and recipient. */
    @CommandHandler
    void handle(RecordAcknowledgement command) {
        String reference = requireRecipient(command.reference(), command.recipient());
        if (!acknowledged.getOrDefault(reference, Set.of()).contains(command.recipient())) {
            apply(new AcknowledgementRecorded(caseId, command.recipient(), command.acknowledgedAt(), reference));
        }
    }

    /** A failed delivery of a notice; the third failure for a recipient is final ({@link #DELIVERY_ATTEMPTS}). */
    @CommandHandler
    void handle(RecordDeliveryFailure command) {
        String reference = requireRecipient(command.reference(), command.recipient());
        int attempt = failedDeliveries.getOrDefault(reference, Map.of()).getOrDefault(command.recipient(), 0) + 1;
        apply(new DeliveryFailed(
                caseId,
                command.recipient(),
                command.reason(),
                attempt,
                attempt >= DELIVERY_ATTEMPTS,
                command.failedAt(),
                reference));
    }

    /** ISO 13485 8.5.2(f), MDR Art. 89: the effectiveness of the issued FSCA is verified. */
    @CommandHandler
    void handle(CheckEffectiveness command) {
        requireOpen();
        if (notices.isEmpty()) {
            throw new RuleViolation(
                    "notice-not-issued",
                    "ISO 13485 8.5.2",
                    "effectiveness is checked after the Field Safety Notice is issued");
        }
        apply(new EffectivenessChecked(caseId, command.outcome(), command.rationale(), command.checkedAt()));
        applyFinalReports(command.checkedAt());
    }

    /**
     * Closed, signed, only after NO_FSCA or a passed effectiveness check (ISO 13485 8.5.2), with the decision
     * reviewed after any news (MDR Art. 89), every reporting clock ended by a submission or a signed
     * NOT_REPORTABLE (MDR Art. 87; 21 CFR 803, 806), and for an FSCA every authority concerned notified,
     * urgent or not (MDR Art. 87(1)(b), 87(8): urgency drops only "in advance").
     */
    @CommandHandler
    void handle(CloseCase command) {
        requireOpen();
        SignedStep.CLOSURE.require(command.signature());
        boolean closable = decision == FscaDecision.NO_FSCA
                || (decision == FscaDecision.FSCA_REQUIRED && effectiveness == EffectivenessOutcome.PASSED);
        if (!closable) {
            throw new RuleViolation(
                    "closure-not-allowed",
                    "ISO 13485 8.5.2",
                    "a case closes after a NO_FSCA decision or a passed effectiveness check");
        }
        if (reviewRequired) {
            throw new RuleViolation(
                    "decision-review-required",
                    "MDR Art. 89",
                    "news came after the decision: confirm or revise the decision before the case closes");
        }
        List<String> running = runningClocks();
        if (!running.isEmpty()) {
            throw new RuleViolation(
                    "reporting-clock-open",
                    "MDR Art. 87; 21 CFR 803, 806",
                    "every reporting clock ends before the case closes, by its report or a signed NOT_REPORTABLE;"
                            + " still open: " + named(running));
        }
        List<Authorities.Authority> unnotified = decision == FscaDecision.FSCA_REQUIRED
                ? concerned().stream()
                        .filter(authority -> !notified.contains(authority.country()))
                        .toList()
                : List.of();
        if (!unnotified.isEmpty()) {
            throw new RuleViolation(
                    "authority-not-notified",
                    "MDR Art. 87(1)(b), 87(8)",
                    "every competent authority concerned is notified of the FSCA before the case closes, urgent"
                            + " or not; not yet " + labels(unnotified));
        }
        apply(new FscaCaseClosed(
                caseId,
                problemId,
                productId,
                command.rationale(),
                command.signature(),
                AggregateLifecycle.getVersion()));
    }

    private List<String> runningClocks() {
        Stream<String> ofIncidents = incidents.values().stream().flatMap(incident -> incident.clocks().stream()
                .filter(ReportingClock::running)
                .map(c -> "report " + incident.reportId() + " " + c.regime() + " " + c.basis()));
        Stream<String> ofCase = correctionClock != null && correctionClock.running()
                ? Stream.of("the correction report " + correctionClock.basis())
                : Stream.empty();
        return Stream.concat(ofIncidents, ofCase).toList();
    }

    private static String named(List<String> clocks) {
        String named = String.join(", ", clocks.subList(0, Math.min(NAMED_CLOCKS, clocks.size())));
        return clocks.size() > NAMED_CLOCKS ? named + " and " + (clocks.size() - NAMED_CLOCKS) + " more" : named;
    }

    private static String labels(List<Authorities.Authority> authorities) {
        return authorities.stream().map(Authorities.Authority::label).collect(Collectors.joining(", "));
    }

    private List<Authorities.Authority> concerned() {
        return Authorities.concerned(
                product, incidents.values().stream().map(HeldIncident::country).toList());
    }

    /** The held incident of report {@code reportId} (itself or a follow-up merged into it). */
    private String incident(String reportId) {
        String held = incidentOf(reportId);
        if (held == null) {
            throw new NotFound("incident " + reportId + " of FSCA case " + caseId);
        }
        return held;
    }

    /** The clock of {@code regime} of incident {@code reportId}, or of the case itself for null. */
    private ReportingClock clock(String reportId, String regime) {
        Optional<ReportingClock> clock = reportId == null
                ? Optional.ofNullable(correctionClock).filter(c -> c.regime().equals(regime))
                : ReportingClock.of(incidents.get(reportId).clocks(), regime);
        return clock.orElseThrow(() -> new NotFound("a " + regime + " reporting clock of "
                + (reportId == null ? "FSCA case " + caseId : "incident " + reportId)));
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

    /** The notice {@code reference} names (null: the latest), of which {@code recipient} must be a recipient. */
    private String requireRecipient(String reference, String recipient) {
        requireOpen();
        if (notices.isEmpty()) {
            throw new RuleViolation(
                    "notice-not-issued", "MDR Art. 89(8)", "no Field Safety Notice has been issued yet");
        }
        String notice = reference == null ? notices.get(notices.size() - 1) : reference;
        if (!recipients.containsKey(notice)) {
            throw new NotFound("Field Safety Notice " + notice + " of FSCA case " + caseId);
        }
        if (!recipients.get(notice).contains(recipient)) {
            throw new RuleViolation(
                    "not-a-recipient", "MDR Art. 89(8)", recipient + " is not a recipient of notice " + notice);
        }
        return notice;
    }

    /** A notice named in an event; events from before follow-up notices name none: the first. */
    private String notice(String reference) {
        return reference == null ? FieldSafetyNotice.reference(caseId, 1) : reference;
    }

    /** {@code incident} as the case holds it: its values equal to those of other incidents shared. */
    private HeldIncident compact(HeldIncident incident) {
        return new HeldIncident(
                incident.reportId(),
                incident.awareAt(),
                shared(incident.country()),
                incident.seriousIncident(),
                shared(incident.finding()),
                incident.clocks().stream()
                        .map(c -> new ReportingClock(
                                shared(c.regime()),
                                shared(c.basis()),
                                c.deadline(),
                                c.state(),
                                c.decision(),
                                c.submission(),
                                c.followUpNumber()))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    @EventSourcingHandler
    void on(FscaCaseOpened event) {
        status = CaseStatus.after(status, event);
        caseId = event.caseId();
        problemId = event.problemId();
        productId = event.productId();
        openedAt = event.openedAt();
        generation = event.generation();
    }

    @EventSourcingHandler
    void on(ProductIdentified event) {
        product = event.product();
    }

    @EventSourcingHandler
    void on(IncidentAttached event) {
        incidents.put(event.incident().reportId(), compact(HeldIncident.of(event.incident())));
        if (event.incident().softwareItem() != null) {
            softwareItems.add(event.incident().softwareItem());
        }
        reviewRequired |= decision != null;
    }

    @EventSourcingHandler
    void on(IncidentFollowedUp event) {
        incidents.computeIfPresent(
                event.reportId(), (id, incident) -> compact(incident.followedUp(event.followUp(), event.clocks())));
        followUps.put(event.followUp().reportId(), event.reportId());
        if (event.followUp().softwareItem() != null) {
            softwareItems.add(event.followUp().softwareItem());
        }
        reviewRequired |= decision != null;
    }

    @EventSourcingHandler
    void on(TrendSignalRecorded event) {
        trendSignals.put(event.signal().signalId(), event.signal());
        if (event.signal().softwareItem() != null) {
            softwareItems.add(event.signal().softwareItem());
        }
        reviewRequired |= decision != null;
    }

    @EventSourcingHandler
    void on(IncidentReclassified event) {
        incidents.computeIfPresent(event.reportId(), (id, incident) -> compact(incident.withClocks(event.clocks())));
    }

    @EventSourcingHandler
    void on(ReportingClocksChanged event) {
        incidents.computeIfPresent(event.reportId(), (id, incident) -> compact(incident.withClocks(event.clocks())));
    }

    @EventSourcingHandler
    void on(ReportabilityDecided event) {
        ReportingClock.Decision decided = event.decision();
        if (event.reportId() == null) {
            correctionClock = correctionClock.decided(decided);
        } else {
            incidents.computeIfPresent(
                    event.reportId(), (id, incident) -> incident.withClock(event.regime(), c -> c.decided(decided)));
        }
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        if (event.reportId() == null) {
            correctionClock = correctionClock.submitted(event.submission());
        } else {
            incidents.computeIfPresent(
                    event.reportId(),
                    (id, incident) -> incident.withClock(event.regime(), c -> c.submitted(event.submission())));
        }
    }

    @EventSourcingHandler
    void on(ClockReopened event) {
        if (event.reportId() == null) {
            correctionClock = correctionClock.reopened();
        } else {
            incidents.computeIfPresent(
                    event.reportId(), (id, incident) -> incident.withClock(event.regime(), ReportingClock::reopened));
        }
    }

    @EventSourcingHandler
    void on(FdaRequestRecorded event) {
        fdaRequests.add(event.request());
    }

    @EventSourcingHandler
    void on(HealthHazardAssessed event) {
        assessment = event.assessment();
        urgent = event.urgent();
        if (event.remedialActionNeeded() && remedialActionAt == null) {
            remedialActionAt = event.assessedAt();
        }
    }

    @EventSourcingHandler
    void on(FscaDecided event) {
        status = CaseStatus.after(status, event);
        decision = event.decision();
        action = event.action();
        rationale = event.rationale();
        reviewRequired = false;
        if (event.remedialActionNeeded() && remedialActionAt == null) {
            remedialActionAt = event.signature().signedAt();
        }
        if (event.decision() == FscaDecision.FSCA_REQUIRED && correctiveActionAt == null) {
            correctiveActionAt = event.signature().signedAt();
        }
    }

    @EventSourcingHandler
    void on(AuthorityNotified event) {
        status = CaseStatus.after(status, event);
        if (event.country() != null) {
            notified.add(event.country());
            if (event.draftNoticeSent()) {
                draftsSent.add(event.country());
            }
        }
    }

    @EventSourcingHandler
    void on(FieldSafetyNoticeIssued event) {
        status = CaseStatus.after(status, event);
        notices.add(event.notice().reference());
        recipients.put(event.notice().reference(), Set.copyOf(event.recipients()));
        draftsSent.clear();
    }

    @EventSourcingHandler
    void on(CorrectionReportDue event) {
        correctionClock = event.clock();
    }

    @EventSourcingHandler
    void on(AcknowledgementRecorded event) {
        acknowledged
                .computeIfAbsent(notice(event.reference()), reference -> new HashSet<>())
                .add(event.recipient());
    }

    @EventSourcingHandler
    void on(DeliveryFailed event) {
        failedDeliveries
                .computeIfAbsent(notice(event.reference()), reference -> new HashMap<>())
                .put(event.recipient(), event.attempt());
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
