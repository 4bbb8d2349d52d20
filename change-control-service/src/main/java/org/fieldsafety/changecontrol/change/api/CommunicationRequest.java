package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.change.Communication;

/**
 * The communication to users and regulators (IEC 62304 6.2.5): the problem, the risk of continued
 * unchanged use, the available change and how to install it, the recipients and when it was sent.
 */
public record CommunicationRequest(
        @NotBlank @Size(max = 4000) String problem,
        @NotBlank @Size(max = 4000) String riskOfContinuedUse,
        @NotBlank @Size(max = 4000) String availableChange,
        @NotBlank @Size(max = 4000) String installation,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid RecipientRequest> recipients,
        @NotNull @PastOrPresent Instant sentAt) {

    public record RecipientRequest(@NotNull Communication.RecipientKind kind, @NotBlank @Size(max = 200) String name) {}

    Communication toCommunication(String recordedBy) {
        return new Communication(
                problem,
                riskOfContinuedUse,
                availableChange,
                installation,
                recipients.stream()
                        .map(r -> new Communication.Recipient(r.kind(), r.name()))
                        .toList(),
                sentAt,
                recordedBy);
    }
}
