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

    /** This report, of another product. */
    public FieldReport withProduct(String otherProductId) {
        return new FieldReport(
                source,
                otherProductId,
                udiDi,
                deviceSerial,
                softwareVersion,
                softwareItem,
                faultCode,
                occurredAt,
                country,
                patientOutcome,
                description,
                reporter,
                attributes);
    }

    /** This report, from a device running another version. */
    public FieldReport withSoftwareVersion(String otherVersion) {
        return new FieldReport(
                source,
                productId,
                udiDi,
                deviceSerial,
                otherVersion,
                softwareItem,
                faultCode,
                occurredAt,
                country,
                patientOutcome,
                description,
                reporter,
                attributes);
    }

    /** This report, of another fault: another problem of the product. */
    public FieldReport withFault(String otherItem, String otherFaultCode, String otherDescription) {
        return new FieldReport(
                source,
                productId,
                udiDi,
                deviceSerial,
                softwareVersion,
                otherItem,
                otherFaultCode,
                occurredAt,
                country,
                patientOutcome,
                otherDescription,
                reporter,
                attributes);
    }
}
