package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * A field report as intake accepted it, on {@link Topics#REPORTS}, keyed by product and fault code
 * ({@link Topics#reportKey}). {@code receivedAt} is
 * when intake received it; {@code awareAt}, when the reporter gives it, is when the manufacturer first
 * became aware (earlier, e.g. a complaint logged by the complaint unit before it was posted). A complaint
 * may lack {@code softwareVersion} and {@code occurredAt} (every complaint is recorded); {@code
 * followUpOf} names the earlier report this one brings new information on.
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
        Map<String, String> attributes,
        Instant awareAt,
        String followUpOf) {

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
