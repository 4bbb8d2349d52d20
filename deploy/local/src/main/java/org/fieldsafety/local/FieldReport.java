package org.fieldsafety.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.FieldReportReceived.Reporter;

/** The body of {@code POST /api/v1/field-reports} on intake (docs/api.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldReport(
        ReportSource source,
        String productId,
        String udiDi,
        String deviceSerial,
        String softwareVersion,
        String softwareItem,
        String faultCode,
        String occurredAt,
        String country,
        PatientOutcome patientOutcome,
        String description,
        Reporter reporter,
        Map<String, String> attributes) {

    /** docs/api.md's example report, with the given time and outcome. */
    public static FieldReport example(Instant occurredAt, PatientOutcome outcome) {
        return new FieldReport(
                ReportSource.DEVICE_TELEMETRY,
                "INSULIN-PUMP-X",
                "08712345000018",
                "SN-000123",
                "4.2.1",
                "dose-calculator",
                "E-DOSE-CALC-OVERFLOW",
                occurredAt.toString(),
                "DE",
                outcome,
                "Bolus computed 10x the requested amount",
                new Reporter("DEVICE"),
                Map.of("battery", "81"));
    }
}
