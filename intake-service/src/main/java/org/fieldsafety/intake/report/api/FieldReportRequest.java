package org.fieldsafety.intake.report.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;

/**
 * One field report as a device, an app or a person sends it. Enum values arrive as strings and are
 * checked by {@link OneOf}, so an unknown value is named in {@code errors} like any other invalid field. {@code occurredAt} may lie in the future
 * only by the configured clock skew ({@code intake.clock-skew}).
 */
@ConsistentWithSource
public record FieldReportRequest(
        @NotNull @OneOf(ReportSource.class) String source,
        @NotBlank @Size(max = 100) String productId,
        @Size(max = 64) String udiDi,
        @Size(max = 100) String deviceSerial,
        @NotBlank @Size(max = 64) String softwareVersion,
        @Size(max = 100) String softwareItem,
        @Size(max = 100) String faultCode,
        @NotNull @PastOrPresent Instant occurredAt,
        @IsoCountry String country,
        @OneOf(PatientOutcome.class) String patientOutcome,
        @Size(max = 4000) String description,
        @Valid Reporter reporter,
        @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @Size(max = 1000) String> attributes) {

    /** Who reported: a device, an app user, a service technician, a customer. */
    public record Reporter(@NotBlank @Size(max = 40) String type) {}

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
                attributes == null ? Map.of() : Map.copyOf(attributes));
    }
}
