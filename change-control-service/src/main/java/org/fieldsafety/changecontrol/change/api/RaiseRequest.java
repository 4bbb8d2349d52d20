package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.fieldsafety.contracts.FieldLengths;

/** A change request raised by hand; it may name the problem report or FSCA case it answers. */
public record RaiseRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String reason,
        @NotBlank @Size(max = FieldLengths.PRODUCT_ID) String productId,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String> softwareItems,
        @Size(max = 64) String problemReportId,
        @Size(max = 64) String fscaCaseId) {}
