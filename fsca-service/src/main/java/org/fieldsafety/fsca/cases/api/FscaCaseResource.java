package org.fieldsafety.fsca.cases.api;

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
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.api.StepRequests.AcknowledgementRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AssessmentRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AuthorityNotificationRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.ClosureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.DeliveryFailureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.EffectivenessCheckRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.FieldSafetyNoticeRequest;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signature.Signature;

/**
 * FSCA cases and their workflow ({@link FscaCaseService}). Reads for every staff role; each step is
 * regulatory affairs' alone, runs on a worker thread (Axon is blocking) and answers 409 naming the rule when
 * it is out of order.
 */
@Path("/api/v1/fsca-cases")
@RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class FscaCaseResource {

    private final FscaCaseService cases;
    private final Clock clock;

    FscaCaseResource(FscaCaseService cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    /** Cases with their incidents, the nearest reporting deadline first. */
    @GET
    public Uni<List<FscaCaseResponse>> list(
            @QueryParam("status") CaseStatus status, @QueryParam("problemId") String problemId) {
        return cases.list(status, problemId).map(all -> all.stream()
                .map(details -> FscaCaseResponse.of(details, clock))
                .toList());
    }

    @GET
    @Path("{caseId}")
    public Uni<FscaCaseResponse> get(@PathParam("caseId") String caseId) {
        return cases.get(caseId).map(details -> FscaCaseResponse.of(details, clock));
    }

    /** The health-hazard assessment the decision rests on (MDR Art. 89); only before the decision. */
    @POST
    @Path("{caseId}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void assess(@PathParam("caseId") String caseId, @Valid @NotNull AssessmentRequest request) {
        cases.assess(caseId, request.assessment(), request.urgent());
    }

    /** The signed decision (MDR Art. 89; 21 CFR 11.50, 11.200). Only regulatory affairs decides. */
    @POST
    @Path("{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public DecisionResponse decide(@PathParam("caseId") String caseId, @Valid @NotNull DecisionRequest request) {
        Signature signature =
                cases.decide(caseId, request.decision(), request.action(), request.rationale(), request.signature());
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
        cases.notifyAuthority(caseId, request.competentAuthority(), request.reference(), request.notifiedAt());
    }

    /** Issues the Field Safety Notice (MDR Art. 89(8)) and answers it as issued. */
    @POST
    @Path("{caseId}/field-safety-notice")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public FieldSafetyNotice issueNotice(
            @PathParam("caseId") String caseId, @Valid @NotNull FieldSafetyNoticeRequest request) {
        return cases.issueNotice(
                caseId,
                new FieldSafetyNotice.Instructions(
                        request.recipientActions(), request.manufacturerActions(), request.contact()),
                request.recipients());
    }

    /** The issued Field Safety Notice, or before issue a preview of it as it would be issued today. */
    @GET
    @Path("{caseId}/field-safety-notice")
    public Uni<FscaCaseService.Notice> notice(@PathParam("caseId") String caseId) {
        return cases.notice(caseId);
    }

    /** A recipient acknowledged receipt of the FSN. */
    @POST
    @Path("{caseId}/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void acknowledge(@PathParam("caseId") String caseId, @Valid @NotNull AcknowledgementRequest request) {
        cases.acknowledge(caseId, request.recipient());
    }

    /** A delivery attempt of the FSN failed; the third for a recipient is final. */
    @POST
    @Path("{caseId}/delivery-failures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void deliveryFailed(@PathParam("caseId") String caseId, @Valid @NotNull DeliveryFailureRequest request) {
        cases.recordDeliveryFailure(caseId, request.recipient(), request.reason());
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2); after the FSN. */
    @POST
    @Path("{caseId}/effectiveness-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void checkEffectiveness(
            @PathParam("caseId") String caseId, @Valid @NotNull EffectivenessCheckRequest request) {
        cases.checkEffectiveness(caseId, request.outcome(), request.rationale());
    }

    /** The signed closure (21 CFR 11.50, 11.200); after NO_FSCA or a passed effectiveness check. */
    @POST
    @Path("{caseId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public ClosureResponse close(@PathParam("caseId") String caseId, @Valid @NotNull ClosureRequest request) {
        Signature signature = cases.close(caseId, request.rationale(), request.signature());
        return new ClosureResponse(caseId, request.rationale(), signature);
    }

    public record DecisionResponse(
            String caseId, FscaDecision decision, FscaAction action, String rationale, Signature signature) {}

    public record ClosureResponse(String caseId, String rationale, Signature signature) {}
}
