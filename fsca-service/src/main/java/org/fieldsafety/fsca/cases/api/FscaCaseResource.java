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
import org.fieldsafety.fsca.cases.FdaRequest;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Reportability;
import org.fieldsafety.fsca.cases.api.StepRequests.AcknowledgementRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AssessmentRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.AuthorityNotificationRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.ClosureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.DeliveryFailureRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.EffectivenessCheckRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.FdaRequestRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.FieldSafetyNoticeRequest;
import org.fieldsafety.fsca.cases.api.StepRequests.ReportabilityRequest;
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

    /**
     * The signed health-hazard assessment the decision rests on (MDR Art. 89; 21 CFR 11.50(a)(3): meaning
     * REVIEW); before the decision, or before its review once news came.
     */
    @POST
    @Path("{caseId}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public AssessmentResponse assess(@PathParam("caseId") String caseId, @Valid @NotNull AssessmentRequest request) {
        Signature signature = cases.assess(
                caseId,
                request.assessment(),
                request.urgent(),
                request.remedialActionNeeded(),
                request.signature(),
                null);
        return new AssessmentResponse(
                caseId, request.assessment(), request.urgent(), request.remedialActionNeeded(), signature);
    }

    /**
     * The signed decision (MDR Art. 89; 21 CFR 11.50, 11.200), or its review once news came. Only regulatory
     * affairs decides.
     */
    @POST
    @Path("{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public DecisionResponse decide(@PathParam("caseId") String caseId, @Valid @NotNull DecisionRequest request) {
        Signature signature = cases.decide(
                caseId,
                request.decision(),
                request.action(),
                request.rationale(),
                request.remedialActionNeeded(),
                request.signature(),
                null);
        return new DecisionResponse(caseId, request.decision(), request.action(), request.rationale(), signature);
    }

    /** A person decides whether an incident is reportable under a regime, signed (MDR Art. 87, MDCG 2023-3). */
    @POST
    @Path("{caseId}/incidents/{reportId}/reportability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public ReportabilityResponse decideReportability(
            @PathParam("caseId") String caseId,
            @PathParam("reportId") String reportId,
            @Valid @NotNull ReportabilityRequest request) {
        return reportability(caseId, reportId, request);
    }

    /** The same for the case's own clock, its correction or removal report (21 CFR 806.10, 806.20). */
    @POST
    @Path("{caseId}/reportability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public ReportabilityResponse decideCorrectionReportability(
            @PathParam("caseId") String caseId, @Valid @NotNull ReportabilityRequest request) {
        return reportability(caseId, null, request);
    }

    private ReportabilityResponse reportability(String caseId, String reportId, ReportabilityRequest request) {
        Signature signature = cases.decideReportability(
                caseId, reportId, request.regime(), request.decision(), request.rationale(), request.signature(), null);
        return new ReportabilityResponse(
                caseId, reportId, request.regime(), request.decision(), request.rationale(), signature);
    }

    /** The FDA's written request for 5-day reports on the problem (21 CFR 803.53(b)). */
    @POST
    @Path("{caseId}/fda-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void recordFdaRequest(@PathParam("caseId") String caseId, @Valid @NotNull FdaRequestRequest request) {
        cases.recordFdaRequest(
                caseId, new FdaRequest(request.reference(), request.receivedAt(), request.until()), null);
    }

    /** A competent authority was notified of the FSCA (MDR Art. 87(1)(b), 87(8)), with the draft notice or not. */
    @POST
    @Path("{caseId}/authority-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void notifyAuthority(
            @PathParam("caseId") String caseId, @Valid @NotNull AuthorityNotificationRequest request) {
        cases.notifyAuthority(
                caseId,
                request.country(),
                request.competentAuthority(),
                request.reference(),
                request.notifiedAt(),
                request.draftNoticeSent(),
                null);
    }

    /** Issues the case's next Field Safety Notice (MDR Art. 89(8)), signed by its author; answers it as issued. */
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
                request.recipients(),
                request.signature(),
                null);
    }

    /** The latest issued Field Safety Notice, or before the first a preview of it as it would be issued today. */
    @GET
    @Path("{caseId}/field-safety-notice")
    public Uni<FscaCaseService.Notice> notice(@PathParam("caseId") String caseId) {
        return cases.notice(caseId);
    }

    /** A recipient acknowledged receipt of a notice (the latest unless the request names one). */
    @POST
    @Path("{caseId}/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void acknowledge(@PathParam("caseId") String caseId, @Valid @NotNull AcknowledgementRequest request) {
        cases.acknowledge(caseId, request.reference(), request.recipient(), null);
    }

    /** A delivery attempt of a notice failed; the third for a recipient is final. */
    @POST
    @Path("{caseId}/delivery-failures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void deliveryFailed(@PathParam("caseId") String caseId, @Valid @NotNull DeliveryFailureRequest request) {
        cases.recordDeliveryFailure(caseId, request.reference(), request.recipient(), request.reason(), null);
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2); after the FSN. */
    @POST
    @Path("{caseId}/effectiveness-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public void checkEffectiveness(
            @PathParam("caseId") String caseId, @Valid @NotNull EffectivenessCheckRequest request) {
        cases.checkEffectiveness(caseId, request.outcome(), request.rationale(), null);
    }

    /**
     * The signed closure (21 CFR 11.50, 11.200); after NO_FSCA or a passed effectiveness check, with every
     * clock ended and every authority concerned notified.
     */
    @POST
    @Path("{caseId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed(Roles.REGULATORY_AFFAIRS)
    public ClosureResponse close(@PathParam("caseId") String caseId, @Valid @NotNull ClosureRequest request) {
        Signature signature = cases.close(caseId, request.rationale(), request.signature(), null);
        return new ClosureResponse(caseId, request.rationale(), signature);
    }

    public record AssessmentResponse(
            String caseId, String assessment, boolean urgent, boolean remedialActionNeeded, Signature signature) {}

    /** {@code reportId} null for the case's own clock. */
    public record ReportabilityResponse(
            String caseId,
            String reportId,
            String regime,
            Reportability decision,
            String rationale,
            Signature signature) {}

    public record DecisionResponse(
            String caseId, FscaDecision decision, FscaAction action, String rationale, Signature signature) {}

    public record ClosureResponse(String caseId, String rationale, Signature signature) {}
}
