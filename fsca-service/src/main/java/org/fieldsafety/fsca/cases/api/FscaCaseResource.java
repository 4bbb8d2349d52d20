package org.fieldsafety.fsca.cases.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseCommand;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.api.StepRequests.AcknowledgementRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AssessmentRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AuthorityNotificationRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.ClosureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.DeliveryFailureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.EffectivenessCheckRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.FieldSafetyNoticeRequest;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.fsca.cases.query.FscaCaseIncident;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureVerifier;

/**
 * FSCA cases and their workflow. Reads for every staff role; each step is regulatory affairs' alone,
 * runs on a worker thread (Axon is blocking) and answers 409 naming the rule when it is out of order.
 */
@Path("/api/v1/fsca-cases")
@Produces(MediaType.APPLICATION_JSON)
public class FscaCaseResource {

    /** The queue's order: the nearest reporting deadline first, cases without one last, older first. */
    private static final Sort QUEUE_ORDER =
            Sort.by("nearestDeadline", Sort.NullPrecedence.NULLS_LAST).and("openedAt");

    private final AuditedCommands commands;
    private final SignatureVerifier signatures;
    private final SecurityIdentity identity;
    private final Clock clock;

    FscaCaseResource(AuditedCommands commands, SignatureVerifier signatures, SecurityIdentity identity, Clock clock) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
    }

    /** Cases with their incidents (one query for all of them), the nearest reporting deadline first. */
    @GET
    @WithSession
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<List<FscaCaseResponse>> list(
            @QueryParam("status") CaseStatus status, @QueryParam("problemId") String problemId) {
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
                                        .map(v -> FscaCaseResponse.of(
                                                v,
                                                incidents.getOrDefault(v.caseId, List.of()),
                                                byCase.getOrDefault(v.caseId, List.of()),
                                                clock))
                                        .toList();
                            }));
                });
    }

    /**
     * The cases not yet closed, the nearest reporting deadline first, from the case rows alone: the
     * console's queue, which loads no incident (a case may hold thousands).
     */
    @WithSession
    public Uni<List<FscaCaseSummary>> queue() {
        return FscaCaseView.<FscaCaseView>find("status <> ?1", QUEUE_ORDER, CaseStatus.CLOSED)
                .list()
                .map(views ->
                        views.stream().map(v -> FscaCaseSummary.of(v, clock)).toList());
    }

    @GET
    @Path("{caseId}")
    @WithSession
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<FscaCaseResponse> get(@PathParam("caseId") String caseId) {
        return view(caseId).chain(view -> FscaCaseIncident.ofCase(caseId)
                .chain(incidents -> ChangeRequestView.ofCases(List.of(caseId))
                        .map(changeRequests -> FscaCaseResponse.of(view, incidents, changeRequests, clock))));
    }

    /** The health-hazard assessment the decision rests on (MDR Art. 89); only before the decision. */
    @POST
    @Path("{caseId}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void assess(@PathParam("caseId") String caseId, @Valid @NotNull AssessmentRequest request) {
        send(new AssessHealthHazard(caseId, request.assessment(), request.urgent(), clock.instant()));
    }

    /** The signed decision (MDR Art. 89; 21 CFR 11.50, 11.200). Only regulatory affairs decides. */
    @POST
    @Path("{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public DecisionResponse decide(@PathParam("caseId") String caseId, @Valid @NotNull DecisionRequest request) {
        Signature signature = signatures.sign(identity, request.signature());
        send(new DecideFsca(caseId, request.decision(), request.action(), request.rationale(), signature));
        return new DecisionResponse(caseId, request.decision(), request.action(), request.rationale(), signature);
    }

    /** The competent authority was notified of the FSCA (MDR Art. 87(1)(b), 87(8)). */
    @POST
    @Path("{caseId}/authority-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void notifyAuthority(
            @PathParam("caseId") String caseId, @Valid @NotNull AuthorityNotificationRequest request) {
        send(new NotifyAuthority(
                caseId,
                request.competentAuthority(),
                request.reference(),
                Objects.requireNonNullElseGet(request.notifiedAt(), clock::instant)));
    }

    /** Issues the Field Safety Notice (MDR Art. 89(8)) and answers it as issued. */
    @POST
    @Path("{caseId}/field-safety-notice")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public FieldSafetyNotice issueNotice(
            @PathParam("caseId") String caseId, @Valid @NotNull FieldSafetyNoticeRequest request) {
        return send(new IssueFieldSafetyNotice(
                caseId,
                new FieldSafetyNotice.Instructions(
                        request.recipientActions(), request.manufacturerActions(), request.contact()),
                request.recipients(),
                clock.instant()));
    }

    /** The issued Field Safety Notice, or before issue a preview of it as it would be issued today. */
    @GET
    @Path("{caseId}/field-safety-notice")
    @WithSession
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<NoticeResponse> notice(@PathParam("caseId") String caseId) {
        return view(caseId).chain(view -> {
            if (view.details.notice != null) {
                return Uni.createFrom().item(new NoticeResponse(true, view.details.notice.notice()));
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
                    .map(incidents -> new NoticeResponse(
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

    /** A recipient acknowledged receipt of the FSN. */
    @POST
    @Path("{caseId}/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void acknowledge(@PathParam("caseId") String caseId, @Valid @NotNull AcknowledgementRequest request) {
        send(new RecordAcknowledgement(caseId, request.recipient(), clock.instant()));
    }

    /** A delivery attempt of the FSN failed; the third for a recipient is final. */
    @POST
    @Path("{caseId}/delivery-failures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void deliveryFailed(@PathParam("caseId") String caseId, @Valid @NotNull DeliveryFailureRequest request) {
        send(new RecordDeliveryFailure(caseId, request.recipient(), request.reason(), clock.instant()));
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2); after the FSN. */
    @POST
    @Path("{caseId}/effectiveness-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void checkEffectiveness(
            @PathParam("caseId") String caseId, @Valid @NotNull EffectivenessCheckRequest request) {
        send(new CheckEffectiveness(caseId, request.outcome(), request.rationale(), clock.instant()));
    }

    /** The signed closure (21 CFR 11.50, 11.200); after NO_FSCA or a passed effectiveness check. */
    @POST
    @Path("{caseId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public ClosureResponse close(@PathParam("caseId") String caseId, @Valid @NotNull ClosureRequest request) {
        Signature signature = signatures.sign(identity, request.signature());
        send(new CloseCase(caseId, request.rationale(), signature));
        return new ClosureResponse(caseId, request.rationale(), signature);
    }

    private <R> R send(FscaCaseCommand command) {
        return commands.send(command, identity.getPrincipal().getName());
    }

    private static Uni<FscaCaseView> view(String caseId) {
        return FscaCaseView.<FscaCaseView>findById(caseId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("FSCA case " + caseId));
    }

    public record DecisionResponse(
            String caseId, FscaDecision decision, FscaAction action, String rationale, Signature signature) {}

    /** {@code issued} is false for a preview. */
    public record NoticeResponse(boolean issued, FieldSafetyNotice notice) {}

    public record ClosureResponse(String caseId, String rationale, Signature signature) {}
}
