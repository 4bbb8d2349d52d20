package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fieldsafety.contracts.FieldLengths;

/** The re-release (IEC 62304 6.3): the version and its residual anomalies, stated even when none. */
public record ReleaseRequest(
        @NotBlank @Size(max = FieldLengths.SOFTWARE_VERSION) String version,
        @NotNull @Size(max = 200) List<@NotBlank @Size(max = 1000) String> residualAnomalies) {}
