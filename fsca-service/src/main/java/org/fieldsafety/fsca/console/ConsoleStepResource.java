package org.fieldsafety.fsca.console;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fieldsafety.fsca.cases.EffectivenessOutcome;
import org.fieldsafety.fsca.cases.FdaRequest;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Reportability;
import org.fieldsafety.fsca.cases.SignedStep;
import org.fieldsafety.fsca.cases.api.DecisionRequest;
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
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The case page's forms: every workflow step of regulatory affairs, taken through the application service
 * the API uses ({@link FscaCaseService}) with the API's own request records and their validation. Each form
 * carries the case version its page showed ({@code version}): a case that moved on since refuses the step
 * (409 {@code concurrent-change}). Each answers as {@link FormSteps} does: back to the case page, with the rule's
 * text when the step was refused. A signed step signs with the meaning its rule demands ({@link SignedStep}).
 * Its path is the console's, as {@link ConsoleResource}'s is: JAX-RS picks a resource class by its own path
 * first, and one of {@code /console/cases/{caseId}} would take the case page's GET from it.
 */
@Path("/console")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Blocking
@RolesAllowed(Roles.REGULATORY_AFFAIRS)
public class ConsoleStepResource {

    private final FscaCaseService cases;
    private final FormSteps steps;

    ConsoleStepResource(FscaCaseService cases, FormSteps steps) {
        this.cases = cases;
        this.steps = steps;
    }

    /** The signed health-hazard assessment (MDR Art. 89; meaning REVIEW). */
    @POST
    @Path("cases/{caseId}/assessment")
    public Response assess(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm String assessment,
            @RestForm boolean urgent,
            @RestForm boolean remedialActionNeeded,
            @RestForm String password) {
        return step(
                caseId,
                () -> new AssessmentRequest(
                        assessment, urgent, remedialActionNeeded, signature(password, SignedStep.ASSESSMENT)),
                r -> cases.assess(
                        caseId, r.assessment(), r.urgent(), r.remedialActionNeeded(), r.signature(), version));
    }

    /** The signed decision or its review (MDR Art. 89; meaning APPROVAL). */
    @POST
    @Path("cases/{caseId}/decision")
    public Response decide(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm FscaDecision decision,
            @RestForm String action,
            @RestForm String rationale,
            @RestForm boolean remedialActionNeeded,
            @RestForm String password) {
        return step(
                caseId,
                () -> new DecisionRequest(
                        decision,
                        rationale,
                        blank(action) ? null : FscaAction.valueOf(action),
                        remedialActionNeeded,
                        signature(password, SignedStep.DECISION)),
                r -> cases.decide(
                        caseId,
                        r.decision(),
                        r.action(),
                        r.rationale(),
                        r.remedialActionNeeded(),
                        r.signature(),
                        version));
    }

    /**
     * A signed reportability decision (MDR Art. 87, MDCG 2023-3; 21 CFR 803.18, 806.20; meaning APPROVAL) on
     * the clock the form names: {@code regime|reportId}, without a report for the case's own 806 clock.
     */
    @POST
    @Path("cases/{caseId}/reportability")
    public Response decideReportability(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm String clock,
            @RestForm Reportability decision,
            @RestForm String rationale,
            @RestForm String password) {
        String[] target = clock == null ? new String[] {null, ""} : clock.split("\\|", 2);
        String reportId = target.length < 2 || target[1].isBlank() ? null : target[1];
        return step(
                caseId,
                () -> new ReportabilityRequest(
                        target[0], decision, rationale, signature(password, SignedStep.REPORTABILITY)),
                r -> cases.decideReportability(
                        caseId, reportId, r.regime(), r.decision(), r.rationale(), r.signature(), version));
    }

    /** The FDA's written request for 5-day reports (21 CFR 803.53(b)); times in UTC. */
    @POST
    @Path("cases/{caseId}/fda-requests")
    public Response recordFdaRequest(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm String reference,
            @RestForm String receivedAt,
            @RestForm String until) {
        return step(
                caseId,
                () -> new FdaRequestRequest(reference, utc("receivedAt", receivedAt), utc("until", until)),
                r -> cases.recordFdaRequest(caseId, new FdaRequest(r.reference(), r.receivedAt(), r.until()), version));
    }

    /** A competent authority notified of the FSCA (MDR Art. 87(1)(b), 87(8)), with the draft notice (89(8)) or not. */
    @POST
    @Path("cases/{caseId}/authority-notification")
    public Response notifyAuthority(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm String country,
            @RestForm String competentAuthority,
            @RestForm String reference,
            @RestForm String notifiedAt,
            @RestForm boolean draftNoticeSent) {
        return step(
                caseId,
                () -> new AuthorityNotificationRequest(
                        country, competentAuthority, reference, utc("notifiedAt", notifiedAt), draftNoticeSent),
                r -> cases.notifyAuthority(
                        caseId,
                        r.country(),
                        r.competentAuthority(),
                        r.reference(),
                        r.notifiedAt(),
                        r.draftNoticeSent(),
                        version));
    }

    /** Issues the next Field Safety Notice (MDR Art. 89(8); meaning AUTHORSHIP); recipients one a line. */
    @POST
    @Path("cases/{caseId}/field-safety-notice")
    public Response issueNotice(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm String recipients,
            @RestForm String contact,
            @RestForm String recipientActions,
            @RestForm String manufacturerActions,
            @RestForm String password) {
        return step(
                caseId,
                () -> new FieldSafetyNoticeRequest(
                        lines(recipients),
                        contact,
                        blank(recipientActions) ? null : recipientActions,
                        blank(manufacturerActions) ? null : manufacturerActions,
                        signature(password, SignedStep.FIELD_SAFETY_NOTICE)),
                r -> cases.issueNotice(
                        caseId,
                        new FieldSafetyNotice.Instructions(r.recipientActions(), r.manufacturerActions(), r.contact()),
                        r.recipients(),
                        r.signature(),
                        version));
    }

    /** A recipient acknowledged receipt; {@code recipient} is {@code reference|recipient}. */
    @POST
    @Path("cases/{caseId}/acknowledgements")
    public Response acknowledge(@RestPath String caseId, @RestForm Long version, @RestForm String recipient) {
        String[] of = noticeRecipient(recipient);
        return step(
                caseId,
                () -> new AcknowledgementRequest(of[1], of[0]),
                r -> cases.acknowledge(caseId, r.reference(), r.recipient(), version));
    }

    /** A delivery attempt failed; the third for a recipient of a notice is final. */
    @POST
    @Path("cases/{caseId}/delivery-failures")
    public Response deliveryFailed(
            @RestPath String caseId, @RestForm Long version, @RestForm String recipient, @RestForm String reason) {
        String[] of = noticeRecipient(recipient);
        return step(
                caseId,
                () -> new DeliveryFailureRequest(of[1], reason, of[0]),
                r -> cases.recordDeliveryFailure(caseId, r.reference(), r.recipient(), r.reason(), version));
    }

    /** Whether the FSCA was effective (ISO 13485 8.5.2). */
    @POST
    @Path("cases/{caseId}/effectiveness-check")
    public Response checkEffectiveness(
            @RestPath String caseId,
            @RestForm Long version,
            @RestForm EffectivenessOutcome outcome,
            @RestForm String rationale) {
        return step(
                caseId,
                () -> new EffectivenessCheckRequest(outcome, rationale),
                r -> cases.checkEffectiveness(caseId, r.outcome(), r.rationale(), version));
    }

    /** The signed closure (meaning APPROVAL). */
    @POST
    @Path("cases/{caseId}/closure")
    public Response close(
            @RestPath String caseId, @RestForm Long version, @RestForm String rationale, @RestForm String password) {
        return step(
                caseId,
                () -> new ClosureRequest(rationale, signature(password, SignedStep.CLOSURE)),
                r -> cases.close(caseId, r.rationale(), r.signature(), version));
    }

    private <R> Response step(String caseId, Supplier<R> form, Consumer<R> step) {
        return steps.takeAndShow(ConsoleResource.casePage(caseId), form, step);
    }

    private static SignatureRequest signature(String password, SignedStep step) {
        return new SignatureRequest(password, step.meaning());
    }

    /** A form's date and time (an HTML {@code datetime-local}, read as UTC); null when left empty. */
    public static Instant utc(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("validation", field + " is not a date and time such as 2026-05-01T14:30 (UTC)");
        }
    }

    /** One entry a line, without blank lines. */
    public static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** {@code reference|recipient} as the notice's reference and the recipient. */
    static String[] noticeRecipient(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\|", 2);
        return parts.length < 2 ? new String[] {null, value} : parts;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
