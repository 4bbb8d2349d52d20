package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * A complaint as the PMS system publishes it on {@link Topics#PMS_COMPLAINTS}, keyed by product. Intake
 * turns each into one {@link FieldReportReceived} of source PMS and validates it like a report sent over
 * HTTP, so {@code patientOutcome} stays text here: an unknown value is reported as a failing field, not
 * as unreadable JSON. {@code softwareVersion} and {@code occurredAt} may be missing (every complaint is
 * recorded); {@code awareAt} is when the manufacturer first became aware, and {@code followUpOf} the
 * {@code complaintId} of an earlier complaint this one brings new information on.
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
        String reporterType,
        Instant awareAt,
        String followUpOf) {

    public static final String TYPE = "org.fieldsafety.PmsComplaint.v1";
}
