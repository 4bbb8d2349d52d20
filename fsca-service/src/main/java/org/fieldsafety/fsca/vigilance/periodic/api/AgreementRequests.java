package org.fieldsafety.fsca.vigilance.periodic.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryAgreementService;
import org.fieldsafety.platform.signature.SignatureRequest;

/** The request bodies of the periodic summary reporting agreements. */
public final class AgreementRequests {

    private AgreementRequests() {}

    /** An agreement reached with the coordinating competent authority, signed APPROVAL. */
    public record AgreementRequest(
            @NotNull Regime regime,
            @NotBlank @Size(max = 255) String productId,
            @NotBlank @Size(max = 255) String problemId,
            @NotEmpty List<@NotBlank String> deviceProblems,
            @NotBlank @Size(max = 32) String frequency,
            @NotNull LocalDate firstPeriodStart,
            @NotBlank @Size(max = 255) String competentAuthority,
            @NotBlank @Size(max = 255) String authorityReference,
            @NotNull Instant agreedAt,
            @NotNull @Valid SignatureRequest signature) {

        PeriodicSummaryAgreementService.Terms terms() {
            return new PeriodicSummaryAgreementService.Terms(
                    regime,
                    productId,
                    problemId,
                    deviceProblems,
                    frequency,
                    firstPeriodStart,
                    competentAuthority,
                    authorityReference,
                    agreedAt);
        }
    }

    /** {@code endedAt} null: now. */
    public record EndRequest(
            Instant endedAt, @NotBlank @Size(max = 2000) String reason, @NotNull @Valid SignatureRequest signature) {}
}
