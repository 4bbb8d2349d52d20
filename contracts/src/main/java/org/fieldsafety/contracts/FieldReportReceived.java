package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * A field report as intake accepted it, on {@link Topics#REPORTS}, keyed by product. {@code receivedAt}
 * is the manufacturer's regulatory awareness time (MDR Art. 87, 21 CFR 803.50).
 */
public record FieldReportReceived(
        String reportId,
        String clientId,
        Instant receivedAt,
        ReportSource source,
        String productId,
        String udiDi,
        String deviceSerial,
        String softwareVersion,
        String softwareItem,
        String faultCode,
        Instant occurredAt,
        String country,
        PatientOutcome patientOutcome,
        String description,
        Reporter reporter,
        Map<String, String> attributes) {

    public static final String TYPE = "org.fieldsafety.FieldReportReceived.v1";

    public enum ReportSource {
        DEVICE_TELEMETRY,
        MOBILE_APP,
        CUSTOMER_COMPLAINT,
        SERVICE_REPORT,
        PMS
    }

    public enum PatientOutcome {
        NONE,
        NO_HARM,
        NON_SERIOUS_INJURY,
        SERIOUS_INJURY,
        DEATH,
        UNKNOWN
    }

    public record Reporter(String type) {}
}
