package org.fieldsafety.fsca.cases;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.Snapshot;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideReportability;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordFdaRequest;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.fsca.cases.query.FscaCaseIncident;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signature.SignatureVerifier;
import org.fieldsafety.platform.telemetry.LogContext;

/**
 * What the API and the console do with FSCA cases, in one place: the workflow's steps, sent as the
 * signed-in user through the audited command path (blocking: Axon), and the case queries (reactive). Each
 * step takes the case version its caller saw ({@code seenVersion}, null for any) and is refused when the
 * case moved on since.
 */
@ApplicationScoped
public class FscaCaseService {

    /** The queue's order: the nearest reporting deadline first, cases without one last, older first. */
    private static final Sort QUEUE_ORDER =
            Sort.by("nearestDeadline", Sort.NullPrecedence.NULLS_LAST).and("openedAt");

    private final AuditedCommands commands;
    private final SignatureVerifier signatures;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final String manufacturerSrn;

    /** @param manufacturerSrn the manufacturer's single registration number (MDR Art. 31), which notices carry */
    FscaCaseService(
            AuditedCommands commands,
            SignatureVerifier signatures,
            SecurityIdentity identity,
            Clock clock,
            @ConfigProperty(name = "fieldsafety.manufacturer.srn") String manufacturerSrn) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
        this.manufacturerSrn = manufacturerSrn;
    }

    /** A case with its incidents in the order they came and the change requests raised for it. */
    public record Details(FscaCaseView view, List<Incident> incidents, List<ChangeRequestView> changeRequests) {}

    /** The case's latest Field Safety Notice as issued, or ({@code issued} false) its first as it would be issued now. */
    public record Notice(boolean issued, FieldSafetyNotice notice) {}

    /**
     * Cases with their incidents (one query for all of them), the nearest reporting deadline first, in one
     * {@link Snapshot}.
     */
    @WithSession
    public Uni<List<Details>> list(CaseStatus status, String problemId) {
        ViewFilter filter = new ViewFilter().with("status", status).with("problemId", problemId);
        return Snapshot.read(() -> FscaCaseView.<FscaCaseView>find(filter.query(), QUEUE_ORDER, filter.parameters())
                .list()
                .chain(views -> {
                    List<String> caseIds = views.stream().map(v -> v.caseId).toList();
                    return FscaCaseIncident.ofCases(caseIds).chain(incidents -> ChangeRequestView.ofCases(caseIds)
                            .map(changeRequests -> {
                                Map<String, List<ChangeRequestView>> byCase =
                                        changeRequests.stream().collect(Collectors.groupingBy(c -> c.fscaCaseId));
                                return views.stream()
                                        .map(v -> new Details(
                                                v,
                                                incidents.getOrDefault(v.caseId, List.of()),
                                                byCase.getOrDefault(v.caseId, List.of())))
                                        .toList();
                            }));
                }));
    }

    /**
     * Page {@code index} (from 0) of {@code size} cases not yet closed, of {@code productId} and in {@code
     * status} when given (null for any), the nearest reporting deadline first: the console's queue, read from
     * the case rows alone (no incident: a case may hold thousands), one page at a time along an index of the
     * open cases (V34), so that ten thousand open cases show as fast as ten. How many match is {@link
     * OpenCases#count}.
     */
    @WithSession
    public Uni<List<FscaCaseView>> queue(String productId, CaseStatus status, int index, int size) {
        ViewFilter filter = new ViewFilter().with("productId", productId).with("status", status);
        // the literal, not a parameter, lets PostgreSQL match the partial index of the open cases
        return FscaCaseView.<FscaCaseView>find(
                        filter.query() + " and status <> org.fieldsafety.fsca.cases.CaseStatus.CLOSED",
                        QUEUE_ORDER,
                        filter.parameters())
                .page(Page.of(index, size))
                .list();
    }

    /**
     * The cases not yet closed, counted by product and status with the sum of their versions: all the queue
     * needs besides its page (its filters, how many match, and what it polls), in one read of the open cases.
     */
    @WithSession
    public Uni<OpenCases> openCases() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select c.productId, c.status, count(c), coalesce(sum(c.version), 0)"
                                        + " from FscaCaseView c"
                                        + " where c.status <> org.fieldsafety.fsca.cases.CaseStatus.CLOSED"
                                        + " group by c.productId, c.status",
                                Object[].class)
                        .getResultList())
                .map(rows -> new OpenCases(rows.stream()
                        .map(row -> new OpenCases.Group(
                                (String) row[0], (CaseStatus) row[1], (Long) row[2], ((Number) row[3]).longValue()))
                        .toList()));
    }

    /** The case's version: the sequence number of its last event the read model applied. */
    @WithSession
    public Uni<Long> version(String caseId) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select c.version from FscaCaseView c where c.caseId = ?1", Long.class)
                        .setParameter(1, caseId)
                        .getSingleResultOrNull())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("FSCA case " + caseId));
    }

    /** A case with its incidents and change requests, in one {@link Snapshot}. */
    @WithSession
    public Uni<Details> get(String caseId) {
        return Snapshot.read(() -> view(caseId).chain(view -> FscaCaseIncident.ofCase(caseId)
                .chain(incidents -> ChangeRequestView.ofCases(List.of(caseId))
                        .map(changeRequests -> new Details(view, incidents, changeRequests)))));
    }

    /**
     * What a vigilance report of the case is made from: the registry's product facts, the decision and the
     * printed name of who signed it, the first notice issued (null before it), the case's own clock (null
     * before it) and the incident of {@code reportId} (null for the case's own report).
     */
    public record ReportFacts(
            RegisteredProduct product,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            String decidedBy,
            FieldSafetyNotice firstNotice,
            ReportingClock correctionClock,
            Incident incident,
            List<TrendSignal> trendSignals) {}

    /**
     * The facts a vigilance report of incident {@code reportId} (null: of the case itself) needs, in one
     * {@link Snapshot}.
     */
    @WithSession
    public Uni<ReportFacts> reportFacts(String caseId, String reportId) {
        Uni<Incident> incident = reportId == null
                ? Uni.createFrom().nullItem()
                : FscaCaseIncident.<FscaCaseIncident>findById(new FscaCaseIncident.Key(caseId, reportId))
                        .onItem()
                        .ifNull()
                        .failWith(() -> new NotFound("incident " + reportId + " of FSCA case " + caseId))
                        .map(row -> row.incident);
        return Snapshot.read(() -> view(caseId)
                .chain(view -> incident.map(held -> {
                    FscaCaseView.Decision decided = view.details.decision;
                    List<FscaCaseView.Notice> notices = view.details.notices;
                    return new ReportFacts(
                            view.details.product,
                            decided == null ? null : decided.decision(),
                            decided == null ? null : decided.action(),
                            decided == null ? null : decided.rationale(),
                            decided == null ? null : decided.signature().printedName(),
                            notices.isEmpty() ? null : notices.get(0).notice(),
                            view.details.correctionClock,
                            held,
                            view.details.trendSignals);
                })));
    }

    /**
     * The latest issued Field Safety Notice, or before the first a preview of it as it would be issued now,
     * from one {@link Snapshot}.
     */
    @WithSession
    public Uni<Notice> notice(String caseId) {
        return Snapshot.read(() -> view(caseId).chain(view -> {
            List<FscaCaseView.Notice> issued = view.details.notices;
            if (!issued.isEmpty()) {
                return Uni.createFrom()
                        .item(new Notice(true, issued.get(issued.size() - 1).notice()));
            }
            FscaCaseView.Decision decision = view.details.decision;
            if (decision == null || decision.decision() != FscaDecision.FSCA_REQUIRED) {
                throw new RuleViolation(
                        "fsca-not-required",
                        "MDR Art. 89(8)",
                        "a Field Safety Notice follows an FSCA_REQUIRED decision");
            }
            FscaCaseView.Assessment assessment = view.details.assessment;
            return FscaCaseIncident.ofCase(caseId)
                    .map(incidents -> new Notice(
                            false,
                            FieldSafetyNotice.compose(
                                    new FieldSafetyNotice.Facts(
                                            view.caseId,
                                            view.productId,
                                            view.details.product,
                                            manufacturerSrn,
                                            1,
                                            incidents.stream()
                                                    .map(Incident::finding)
                                                    .toList(),
                                            view.details.trendSignals,
                                            decision.action(),
                                            decision.rationale(),
                                            assessment == null ? null : assessment.assessment(),
                                            assessment != null && assessment.urgent()),
                                    null,
                                    clock.instant())));
        }));
    }

    /**
     * The health-hazard assessment the decision (or its review) rests on (MDR Art. 89), signed as a review;
     * {@code remedialActionNeeded} starts the 5-day reports (21 CFR 803.53(a)). Answers the signature.
     */
    public Signature assess(
            String caseId,
            String assessment,
            boolean urgent,
            boolean remedialActionNeeded,
            SignatureRequest signing,
            Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        send(
                new AssessHealthHazard(caseId, assessment, urgent, remedialActionNeeded, signature, clock.instant()),
                seenVersion);
        return signature;
    }

    /**
     * The decision, or its review after news, signed by the signed-in user (MDR Art. 89; 21 CFR 11.50, 11.200);
     * answers the signature.
     */
    public Signature decide(
            String caseId,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            boolean remedialActionNeeded,
            SignatureRequest signing,
            Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        send(new DecideFsca(caseId, decision, action, rationale, remedialActionNeeded, signature), seenVersion);
        return signature;
    }

    /**
     * Whether an incident's (or, {@code reportId} null, the case's own) clock of {@code regime} is reportable,
     * signed (MDR Art. 87, MDCG 2023-3; 21 CFR 803.18, 806.20); answers the signature.
     */
    public Signature decideReportability(
            String caseId,
            String reportId,
            String regime,
            Reportability decision,
            String rationale,
            SignatureRequest signing,
            Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        send(new DecideReportability(caseId, reportId, regime, decision, rationale, signature), seenVersion);
        return signature;
    }

    /** The FDA's written request for 5-day reports on the case's problem (21 CFR 803.53(b)). */
    public void recordFdaRequest(String caseId, FdaRequest request, Long seenVersion) {
        send(new RecordFdaRequest(caseId, request, clock.instant()), seenVersion);
    }

    /**
     * The competent authority of {@code country} was notified of the FSCA (MDR Art. 87(1)(b), 87(8)), with the
     * draft notice or not (89(8)); {@code notifiedAt} null: now.
     */
    public void notifyAuthority(
            String caseId,
            String country,
            String competentAuthority,
            String reference,
            Instant notifiedAt,
            boolean draftNoticeSent,
            Long seenVersion) {
        Instant now = clock.instant();
        send(
                new NotifyAuthority(
                        caseId,
                        country,
                        competentAuthority,
                        reference,
                        Objects.requireNonNullElse(notifiedAt, now),
                        draftNoticeSent,
                        now),
                seenVersion);
    }

    /** Issues the case's next Field Safety Notice (MDR Art. 89(8)), signed by its author; answers it as issued. */
    public FieldSafetyNotice issueNotice(
            String caseId,
            FieldSafetyNotice.Instructions instructions,
            List<String> recipients,
            SignatureRequest signing,
            Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        return send(
                new IssueFieldSafetyNotice(
                        caseId, instructions, recipients, manufacturerSrn, signature, clock.instant()),
                seenVersion);
    }

    /** {@code reference}: the notice acknowledged, null for the latest. */
    public void acknowledge(String caseId, String reference, String recipient, Long seenVersion) {
        send(new RecordAcknowledgement(caseId, reference, recipient, clock.instant()), seenVersion);
    }

    /** {@code reference}: the notice whose delivery failed, null for the latest. */
    public void recordDeliveryFailure(
            String caseId, String reference, String recipient, String reason, Long seenVersion) {
        send(new RecordDeliveryFailure(caseId, reference, recipient, reason, clock.instant()), seenVersion);
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2); after the FSN. */
    public void checkEffectiveness(String caseId, EffectivenessOutcome outcome, String rationale, Long seenVersion) {
        send(new CheckEffectiveness(caseId, outcome, rationale, clock.instant()), seenVersion);
    }

    /** The closure, signed by the signed-in user (21 CFR 11.50, 11.200); answers the signature. */
    public Signature close(String caseId, String rationale, SignatureRequest signing, Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        send(new CloseCase(caseId, rationale, signature), seenVersion);
        return signature;
    }

    /**
     * {@code seenVersion}: the case version the step was decided on, as its page or request showed it (null:
     * any); a case that moved on since refuses the step, and nothing is applied.
     */
    private <R> R send(FscaCaseCommand command, Long seenVersion) {
        LogContext.put(LogContext.CASE_ID, command.caseId());
        try {
            return commands.send(command, identity.getPrincipal().getName(), seenVersion);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("FSCA case " + command.caseId());
        } catch (ConflictingAggregateVersionException e) {
            throw new ConcurrentChange(
                    "FSCA case " + command.caseId() + ", at version " + seenVersion + " when this step was prepared,");
        }
    }

    private static Uni<FscaCaseView> view(String caseId) {
        return FscaCaseView.<FscaCaseView>findById(caseId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("FSCA case " + caseId));
    }
}
