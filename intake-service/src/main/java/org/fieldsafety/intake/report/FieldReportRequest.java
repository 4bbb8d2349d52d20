package org.fieldsafety.intake.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fieldsafety.contracts.FieldLengths;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;

/**
 * One field report as a device, an app or a person sends it. Enum values arrive as strings and are
 * checked by {@link OneOf}, so an unknown value is named in {@code errors} like any other invalid field.
 * {@code occurredAt} and {@code awareAt} may lie in the future only by the configured clock skew ({@code
 * intake.clock-skew}); what the source makes mandatory is {@link ConsistentWithSource}, the order of
 * occurrence and awareness {@link AwareAfterOccurrence}.
 */
@ConsistentWithSource
@AwareAfterOccurrence
public record FieldReportRequest(
        @Schema(
                        example = "DEVICE_TELEMETRY",
                        enumeration = {"DEVICE_TELEMETRY", "MOBILE_APP", "CUSTOMER_COMPLAINT", "SERVICE_REPORT", "PMS"})
                @NotNull
                @OneOf(ReportSource.class)
                String source,
        @Schema(example = "INSULIN-PUMP-X") @NotBlank @Size(max = FieldLengths.PRODUCT_ID) String productId,
        @Schema(example = "08712345000018", description = "UDI-DI of the device") @Size(max = FieldLengths.UDI_DI)
                String udiDi,
        @Schema(example = "SN-000123") @Size(max = FieldLengths.DEVICE_SERIAL) String deviceSerial,
        @Schema(example = "4.2.1", description = "required for DEVICE_TELEMETRY and MOBILE_APP")
                @Size(max = FieldLengths.SOFTWARE_VERSION)
                String softwareVersion,
        @Schema(example = "dose-calculator", description = "the software item (IEC 62304) involved, if known")
                @Size(max = FieldLengths.SOFTWARE_ITEM)
                String softwareItem,
        @Schema(example = "E-DOSE-CALC-OVERFLOW", description = "required for DEVICE_TELEMETRY and MOBILE_APP")
                @Size(max = FieldLengths.FAULT_CODE)
                String faultCode,
        @Schema(example = "2026-11-20T10:15:00Z", description = "required for DEVICE_TELEMETRY and MOBILE_APP")
                @PastOrPresent
                Instant occurredAt,
        @Schema(example = "DE", description = "ISO 3166-1 alpha-2") @IsoCountry String country,
        @Schema(
                        example = "SERIOUS_INJURY",
                        enumeration = {"NONE", "NO_HARM", "NON_SERIOUS_INJURY", "SERIOUS_INJURY", "DEATH", "UNKNOWN"},
                        description = "UNKNOWN when absent")
                @OneOf(PatientOutcome.class)
                String patientOutcome,
        @Schema(example = "Bolus computed 10x the requested amount", description = "required for CUSTOMER_COMPLAINT")
                @Size(max = FieldLengths.DESCRIPTION)
                String description,
        @Valid Reporter reporter,
        @Schema(example = "{\"battery\": \"81\"}") @Size(max = FieldLengths.ATTRIBUTES)
                Map<
                                @NotBlank @Size(max = FieldLengths.ATTRIBUTE_NAME) String,
                                @NotNull @Size(max = FieldLengths.ATTRIBUTE_VALUE) String>
                        attributes,
        @Schema(
                        example = "2026-11-20T11:00:00Z",
                        description = "when the manufacturer first became aware, if before it is sent:"
                                + " occurredAt <= awareAt <= now; the clocks run from it")
                @PastOrPresent
                Instant awareAt,
        @Schema(description = "the reportId of an earlier report this one brings new information on")
                @Size(max = FieldLengths.FOLLOW_UP_OF)
                String followUpOf) {

    /** Who reported: a device, an app user, a service technician, a customer. */
    public record Reporter(@Schema(example = "DEVICE") @NotBlank @Size(max = FieldLengths.REPORTER_TYPE) String type) {}

    /** The accepted report as it travels on Kafka; a missing outcome is UNKNOWN. */
    public FieldReportReceived received(String reportId, String clientId, Instant receivedAt) {
        return new FieldReportReceived(
                reportId,
                clientId,
                receivedAt,
                ReportSource.valueOf(source),
                productId,
                udiDi,
                deviceSerial,
                softwareVersion,
                softwareItem,
                faultCode,
                occurredAt,
                country,
                patientOutcome == null ? PatientOutcome.UNKNOWN : PatientOutcome.valueOf(patientOutcome),
                description,
                reporter == null ? null : new FieldReportReceived.Reporter(reporter.type()),
                attributes == null ? Map.of() : Map.copyOf(attributes),
                awareAt,
                followUpOf);
    }
}
