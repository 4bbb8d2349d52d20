package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fieldsafety.changecontrol.problem.Criticality;

/** A problem report opened by hand (IEC 62304 9.1): the problem, where it is, and how critical. */
public record OpenProblemReportRequest(
        @NotBlank @Size(max = 100) String productId,
        @NotBlank @Size(max = 100) String softwareItem,
        @Size(max = 50) String softwareVersion,
        @Size(max = 100) String faultCode,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @Valid CriticalityRequest criticality) {

    /** The statement of criticality: effect on performance, safety, security (IEC 62304 9.1). */
    public record CriticalityRequest(@NotNull Criticality.Level level, @NotBlank @Size(max = 4000) String statement) {}
}
