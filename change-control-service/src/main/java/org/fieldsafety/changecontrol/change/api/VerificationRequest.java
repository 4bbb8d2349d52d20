package org.fieldsafety.changecontrol.change.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.changecontrol.change.Verification;
import org.fieldsafety.contracts.FieldLengths;

/** The verification of an implemented change (IEC 62304 8.2.3) with its test records (9.8). */
public record VerificationRequest(
        @NotEmpty @Size(max = 200) List<@NotNull @Valid RecordRequest> records, boolean regressionTestsRepeated) {

    /** One retest's documentation (IEC 62304 9.8). */
    public record RecordRequest(
            @NotBlank @Size(max = FieldLengths.SOFTWARE_ITEM) String softwareItem,
            @NotBlank @Size(max = 4000) String results,
            @Size(max = 100) List<@NotBlank @Size(max = 1000) String> anomalies,
            @NotBlank @Size(max = FieldLengths.SOFTWARE_VERSION) String softwareVersion,
            @NotBlank @Size(max = 1000) String configuration,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> tools,
            @NotNull @PastOrPresent LocalDate date,
            @NotBlank @Size(max = 100) String tester) {

        Verification.Record toRecord() {
            return new Verification.Record(
                    softwareItem,
                    results,
                    anomalies == null ? List.of() : List.copyOf(anomalies),
                    softwareVersion,
                    configuration,
                    List.copyOf(tools),
                    date,
                    tester);
        }
    }
}
