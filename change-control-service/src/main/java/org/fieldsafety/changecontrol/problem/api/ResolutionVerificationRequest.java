package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fieldsafety.contracts.FieldLengths;

/**
 * The IEC 62304 9.7 criteria quality assurance states, each explicitly. That the problem has not recurred
 * is not stated but checked against the field reports on the fixed version: the latest release of the
 * problem's change requests, or {@code fixedVersion}, a version released by a change request of the product.
 */
public record ResolutionVerificationRequest(
        @NotNull Boolean resolved,
        @NotNull Boolean trendReversed,
        @NotNull Boolean changeImplementedInRightItems,
        @NotNull Boolean noNewProblems,
        @Size(max = FieldLengths.SOFTWARE_VERSION) String fixedVersion) {}
