package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The investigation of a problem (IEC 62304 9.2). */
public record InvestigationRequest(
        @NotBlank @Size(max = 4000) String cause,
        @NotNull Boolean safetyRelevant,
        @NotBlank @Size(max = 4000) String safetyRelevance,
        @NotBlank @Size(max = 4000) String outcome) {}
