package org.fieldsafety.fsca.cases.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.platform.signature.SignatureRequest;

/**
 * A signed field-safety decision, or its review; {@code action} is required for FSCA_REQUIRED; {@code
 * remedialActionNeeded}: remedial action is needed to prevent an unreasonable risk of substantial harm to
 * the public health (21 CFR 803.53(a)).
 */
public record DecisionRequest(
        @NotNull FscaDecision decision,
        @NotBlank @Size(max = 4000) String rationale,
        FscaAction action,
        boolean remedialActionNeeded,
        @NotNull @Valid SignatureRequest signature) {}
