package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.SafetyClass;
import org.fieldsafety.contracts.FieldLengths;

/**
 * The implementation of an approved change (IEC 62304 8.2.2), with the safety classes it changes, if
 * any: a reclassification sends the request back to impact analysis and approval.
 */
public record ImplementationRequest(
        @NotBlank @Size(max = FieldLengths.SOFTWARE_VERSION) String softwareVersion,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> commits,
        @Size(max = 50) List<@NotNull @Valid ReclassificationRequest> reclassifications) {

    public record ReclassificationRequest(
            @NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String item,
            @NotNull SafetyClass from,
            @NotNull SafetyClass to) {}

    List<Implementation.Reclassification> reclassificationList() {
        return reclassifications == null
                ? List.of()
                : reclassifications.stream()
                        .map(r -> new Implementation.Reclassification(r.item(), r.from(), r.to()))
                        .toList();
    }
}
