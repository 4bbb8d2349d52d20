package org.fieldsafety.intake.report.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fieldsafety.intake.report.FieldReportRequest;

/** Up to 500 reports accepted or rejected together. */
public record BatchRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid FieldReportRequest> reports) {}
