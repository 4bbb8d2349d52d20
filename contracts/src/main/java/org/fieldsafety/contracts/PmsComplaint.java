package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * A complaint as the PMS system publishes it on {@link Topics#PMS_COMPLAINTS}, keyed by product. Intake
 * turns each into one {@link FieldReportReceived} of source PMS and validates it like a report sent over
 * HTTP, so {@code patientOutcome} stays text here: an unknown value is reported as a failing field, not
 * as unreadable JSON.
 */
public record PmsComplaint(
        String complaintId,
        String productId,
        String udiDi,
        String deviceSerial,
        String softwareVersion,
        String softwareItem,
        String faultCode,
        Instant occurredAt,
        String country,
        String patientOutcome,
        String description,
        String reporterType) {

    public static final String TYPE = "org.fieldsafety.PmsComplaint.v1";
}
