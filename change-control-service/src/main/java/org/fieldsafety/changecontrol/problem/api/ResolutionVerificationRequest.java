package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The IEC 62304 9.7 criteria, each stated explicitly. */
public record ResolutionVerificationRequest(
        @NotNull Boolean resolved,
        @NotNull Boolean trendReversed,
        @NotNull Boolean changeImplementedInRightItems,
        @NotNull Boolean noNewProblems,
        @NotNull LocalDate noRecurrenceSince) {}
