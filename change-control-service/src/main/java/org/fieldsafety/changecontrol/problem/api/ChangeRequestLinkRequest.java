package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The change requests that resolve the problem (IEC 62304 9.2, 9.4). */
public record ChangeRequestLinkRequest(
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> changeRequestIds) {}
