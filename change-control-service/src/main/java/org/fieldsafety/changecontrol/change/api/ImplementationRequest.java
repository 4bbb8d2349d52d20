package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The implementation of an approved change (IEC 62304 8.2.2). */
public record ImplementationRequest(
        @NotBlank @Size(max = 50) String softwareVersion,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> commits) {}
