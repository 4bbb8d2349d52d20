package org.fieldsafety.fsca.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.EffectivenessOutcome;
import org.fieldsafety.platform.signature.SignatureRequest;

/** The request bodies of a case's workflow steps after (and the assessment before) the decision. */
public final class StepRequests {

    private StepRequests() {}

    /** The health-hazard assessment; {@code urgent} allows the FSN before the authority is notified. */
    public record AssessmentRequest(@NotBlank @Size(max = 4000) String assessment, boolean urgent) {}

    /** {@code notifiedAt} defaults to now; it is not in the future, nor before the case was opened. */
    public record AuthorityNotificationRequest(
            @NotBlank @Size(max = 200) String competentAuthority,
            @NotBlank @Size(max = 200) String reference,
            @PastOrPresent Instant notifiedAt) {}

    /** Absent actions default to those of the FSCA's kind. */
    public record FieldSafetyNoticeRequest(
            @NotEmpty List<@NotBlank @Size(max = 200) String> recipients,
            @NotBlank @Size(max = 500) String contact,
            @Size(max = 4000) String recipientActions,
            @Size(max = 4000) String manufacturerActions) {}

    public record AcknowledgementRequest(@NotBlank @Size(max = 200) String recipient) {}

    public record DeliveryFailureRequest(
            @NotBlank @Size(max = 200) String recipient, @NotBlank @Size(max = 1000) String reason) {}

    public record EffectivenessCheckRequest(
            @NotNull EffectivenessOutcome outcome, @NotBlank @Size(max = 4000) String rationale) {}

    public record ClosureRequest(
            @NotBlank @Size(max = 4000) String rationale, @NotNull @Valid SignatureRequest signature) {}
}
