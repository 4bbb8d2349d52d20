package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The closing of a released and communicated change request. */
public record ClosureRequest(@NotBlank @Size(max = 4000) String summary) {}
