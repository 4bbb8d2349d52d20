package org.fieldsafety.fsca.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.EffectivenessOutcome;
import org.fieldsafety.fsca.cases.Reportability;
import org.fieldsafety.platform.signature.SignatureRequest;

/** The request bodies of a case's workflow steps after (and the assessment before) the decision. */
public final class StepRequests {

    private StepRequests() {}

    /**
     * The signed health-hazard assessment; {@code urgent} allows the FSN before the authorities are notified,
     * {@code remedialActionNeeded} starts the 5-day reports (21 CFR 803.53(a)).
     */
    public record AssessmentRequest(
            @NotBlank @Size(max = 4000) String assessment,
            boolean urgent,
            boolean remedialActionNeeded,
            @NotNull @Valid SignatureRequest signature) {}

    /** A person's signed decision on a proposed reporting duty of one regime. */
    public record ReportabilityRequest(
            @NotBlank @Size(max = 100) String regime,
            @NotNull Reportability decision,
            @NotBlank @Size(max = 4000) String rationale,
            @NotNull @Valid SignatureRequest signature) {}

    /** The FDA's written request (21 CFR 803.53(b)): received when, for events until when (absent: open-ended). */
    public record FdaRequestRequest(
            @NotBlank @Size(max = 200) String reference, @NotNull Instant receivedAt, Instant until) {}

    /**
     * {@code country}: whose competent authority (ISO 3166-1 alpha-2); {@code notifiedAt} defaults to now, not
     * in the future nor before the case was opened; {@code draftNoticeSent}: the draft notice went with it.
     */
    public record AuthorityNotificationRequest(
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Size(max = 200) String competentAuthority,
            @NotBlank @Size(max = 200) String reference,
            Instant notifiedAt,
            boolean draftNoticeSent) {}

    /** Absent actions default to those of the FSCA's kind; signed by the notice's author. */
    public record FieldSafetyNoticeRequest(
            @NotEmpty List<@NotBlank @Size(max = 200) String> recipients,
            @NotBlank @Size(max = 500) String contact,
            @Size(max = 4000) String recipientActions,
            @Size(max = 4000) String manufacturerActions,
            @NotNull @Valid SignatureRequest signature) {}

    /** {@code reference}: the notice acknowledged; absent for the latest. */
    public record AcknowledgementRequest(
            @NotBlank @Size(max = 200) String recipient, @Size(max = 200) String reference) {}

    /** {@code reference}: the notice whose delivery failed; absent for the latest. */
    public record DeliveryFailureRequest(
            @NotBlank @Size(max = 200) String recipient,
            @NotBlank @Size(max = 1000) String reason,
            @Size(max = 200) String reference) {}

    public record EffectivenessCheckRequest(
            @NotNull EffectivenessOutcome outcome, @NotBlank @Size(max = 4000) String rationale) {}

    public record ClosureRequest(
            @NotBlank @Size(max = 4000) String rationale, @NotNull @Valid SignatureRequest signature) {}
}
