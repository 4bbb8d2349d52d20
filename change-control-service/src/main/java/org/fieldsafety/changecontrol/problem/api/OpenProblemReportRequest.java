package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.contracts.FieldLengths;

/** A problem report opened by hand (IEC 62304 9.1): the problem, where it is, and how critical. */
public record OpenProblemReportRequest(
        @NotBlank @Size(max = FieldLengths.PRODUCT_ID) String productId,
        @NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String softwareItem,
        @Size(max = FieldLengths.SOFTWARE_VERSION) String softwareVersion,
        @Size(max = FieldLengths.FAULT_CODE) String faultCode,
        @NotBlank @Size(max = FieldLengths.DESCRIPTION) String description,
        @NotNull @Valid CriticalityRequest criticality) {

    /** The statement of criticality: effect on performance, safety, security (IEC 62304 9.1). */
    public record CriticalityRequest(@NotNull Criticality.Level level, @NotBlank @Size(max = 4000) String statement) {}
}
