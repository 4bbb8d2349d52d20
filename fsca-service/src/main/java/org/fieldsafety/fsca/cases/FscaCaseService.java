package org.fieldsafety.fsca.cases;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.fsca.cases.query.FscaCaseIncident;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signature.SignatureVerifier;

/**
 * What the API and the console do with FSCA cases, in one place: the workflow's steps, sent as the
 * signed-in user through the audited command path (blocking: Axon), and the case queries (reactive).
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

    FscaCaseService(AuditedCommands commands, SignatureVerifier signatures, SecurityIdentity identity, Clock clock) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
    }

    /** A case with its incidents in the order they came and the change requests raised for it. */
    public record Details(FscaCaseView view, List<Incident> incidents, List<ChangeRequestView> changeRequests) {}

    /** The case's Field Safety Notice: as issued, or ({@code issued} false) as it would be issued now. */
    public record Notice(boolean issued, FieldSafetyNotice notice) {}

    /** Cases with their incidents (one query for all of them), the nearest reporting deadline first. */
    @WithSession
    public Uni<List<Details>> list(CaseStatus status, String problemId) {
        ViewFilter filter = new ViewFilter().with("status", status).with("problemId", problemId);
        return FscaCaseView.<FscaCaseView>find(filter.query(), QUEUE_ORDER, filter.parameters())
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
                });
    }

    /**
     * The cases not yet closed, the nearest reporting deadline first, from the case rows alone: the
     * console's queue, which loads no incident (a case may hold thousands).
     */
    @WithSession
    public Uni<List<FscaCaseView>> queue() {
        return FscaCaseView.<FscaCaseView>find("status <> ?1", QUEUE_ORDER, CaseStatus.CLOSED)
                .list();
    }

    @WithSession
    public Uni<Details> get(String caseId) {
        return view(caseId).chain(view -> FscaCaseIncident.ofCase(caseId)
                .chain(incidents -> ChangeRequestView.ofCases(List.of(caseId))
                        .map(changeRequests -> new Details(view, incidents, changeRequests))));
    }

    /** The issued Field Safety Notice, or before issue a preview of it as it would be issued now. */
    @WithSession
    public Uni<Notice> notice(String caseId) {
        return view(caseId).chain(view -> {
            if (view.details.notice != null) {
                return Uni.createFrom().item(new Notice(true, view.details.notice.notice()));
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
                                            incidents,
                                            view.details.trendSignals,
                                            decision.action(),
                                            decision.rationale(),
                                            assessment == null ? null : assessment.assessment(),
                                            assessment != null && assessment.urgent()),
                                    null,
                                    clock.instant())));
        });
    }

    /** The health-hazard assessment the decision rests on (MDR Art. 89); only before the decision. */
    public void assess(String caseId, String assessment, boolean urgent) {
        send(new AssessHealthHazard(caseId, assessment, urgent, clock.instant()));
    }

    /** The decision, signed by the signed-in user (MDR Art. 89; 21 CFR 11.50, 11.200); answers the signature. */
    public Signature decide(
            String caseId, FscaDecision decision, FscaAction action, String rationale, SignatureRequest signing) {
        Signature signature = signatures.sign(identity, signing);
        send(new DecideFsca(caseId, decision, action, rationale, signature));
        return signature;
    }

    /** The competent authority was notified of the FSCA (MDR Art. 87(1)(b), 87(8)); {@code notifiedAt} null: now. */
    public void notifyAuthority(String caseId, String competentAuthority, String reference, Instant notifiedAt) {
        send(new NotifyAuthority(
                caseId, competentAuthority, reference, Objects.requireNonNullElseGet(notifiedAt, clock::instant)));
    }

    /** Issues the Field Safety Notice (MDR Art. 89(8)) and answers it as issued. */
    public FieldSafetyNotice issueNotice(
            String caseId, FieldSafetyNotice.Instructions instructions, List<String> recipients) {
        return send(new IssueFieldSafetyNotice(caseId, instructions, recipients, clock.instant()));
    }

    public void acknowledge(String caseId, String recipient) {
        send(new RecordAcknowledgement(caseId, recipient, clock.instant()));
    }

    public void recordDeliveryFailure(String caseId, String recipient, String reason) {
        send(new RecordDeliveryFailure(caseId, recipient, reason, clock.instant()));
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2); after the FSN. */
    public void checkEffectiveness(String caseId, EffectivenessOutcome outcome, String rationale) {
        send(new CheckEffectiveness(caseId, outcome, rationale, clock.instant()));
    }

    /** The closure, signed by the signed-in user (21 CFR 11.50, 11.200); answers the signature. */
    public Signature close(String caseId, String rationale, SignatureRequest signing) {
        Signature signature = signatures.sign(identity, signing);
        send(new CloseCase(caseId, rationale, signature));
        return signature;
    }

    private <R> R send(FscaCaseCommand command) {
        try {
            return commands.send(command, identity.getPrincipal().getName());
        } catch (AggregateNotFoundException e) {
            throw new NotFound("FSCA case " + command.caseId());
        }
    }

    private static Uni<FscaCaseView> view(String caseId) {
        return FscaCaseView.<FscaCaseView>findById(caseId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("FSCA case " + caseId));
    }
}
