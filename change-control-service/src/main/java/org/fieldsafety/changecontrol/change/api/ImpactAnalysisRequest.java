package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.fieldsafety.changecontrol.change.SafetyClass;
import org.fieldsafety.contracts.FieldLengths;

/**
 * The impact analysis of a change request (IEC 62304 6.2.3); {@code safetyClasses} gives the class of
 * each affected item (IEC 62304 4.3), an item left out counts as class C.
 */
public record ImpactAnalysisRequest(
        @NotBlank @Size(max = 4000) String summary,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String> affectedItems,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> testsToRepeat,
        @Size(max = 50)
                Map<@NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String, @NotNull SafetyClass> safetyClasses) {}
