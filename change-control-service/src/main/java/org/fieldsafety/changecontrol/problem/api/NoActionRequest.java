package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why no change is made (IEC 62304 9.2). */
public record NoActionRequest(@NotBlank @Size(max = 4000) String rationale) {}
