package org.fieldsafety.changecontrol.problem.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The relevant parties advised of the problem, and when (IEC 62304 9.3). */
public record PartiesAdvisedRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Party> parties) {

    public record Party(@NotBlank @Size(max = 200) String who, @NotNull @PastOrPresent Instant advisedAt) {}
}
