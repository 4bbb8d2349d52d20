package org.fieldsafety.intake.pms;

import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.intake.report.api.FieldReportRequest;

/**
 * A complaint as the PMS system publishes it on {@code pms.complaints.v1} (JSON). {@code complaintId} is
 * the PMS system's message id: one field report per id.
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

    /** The complaint as a field report of source PMS, validated like any report sent over HTTP. */
    public FieldReportRequest asReport() {
        return new FieldReportRequest(
                ReportSource.PMS.name(),
                productId,
                udiDi,
                deviceSerial,
                softwareVersion,
                softwareItem,
                faultCode,
                occurredAt,
                country,
                patientOutcome,
                description,
                reporterType == null ? null : new FieldReportRequest.Reporter(reporterType),
                Map.of("pmsComplaintId", complaintId));
    }
}
