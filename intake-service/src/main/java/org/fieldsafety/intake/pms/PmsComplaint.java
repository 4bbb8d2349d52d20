package org.fieldsafety.intake.pms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.intake.report.api.FieldReportRequest;

/**
 * A complaint as the PMS system publishes it on {@code pms.complaints.v1}: a JSON message value (ISO-8601
 * times), keyed by product id. Intake turns each complaint into one field report of source PMS and
 * validates it like a report sent over HTTP; a complaint that fails goes to {@code pms.complaints.v1.dlq}
 * with every failing field, named as here, in the {@code dead-letter-reason} header.
 *
 * @param complaintId the PMS system's id of the complaint, required, at most 200 characters; one field
 *     report per id, so redelivering a complaint never makes a second report
 * @param productId the product the complaint is about, required, at most 100 characters
 * @param udiDi the device's UDI-DI, optional, at most 64 characters
 * @param deviceSerial the device's serial number, optional, at most 100 characters
 * @param softwareVersion the software version running when it happened, required, at most 64 characters
 * @param softwareItem the software item (IEC 62304) suspected, optional, at most 100 characters
 * @param faultCode the device's fault code, optional, at most 100 characters
 * @param occurredAt when it happened (ISO-8601 instant), required, not in the future beyond the clock skew
 *     intake allows
 * @param country where it happened, ISO 3166-1 alpha-2 ({@code DE}), optional
 * @param patientOutcome NONE, NO_HARM, NON_SERIOUS_INJURY, SERIOUS_INJURY, DEATH or UNKNOWN; optional,
 *     UNKNOWN when missing
 * @param description what happened in the complainant's words, optional, at most 4000 characters
 * @param reporterType who complained ({@code CUSTOMER}, {@code HCP}, ...), optional, at most 40 characters
 */
public record PmsComplaint(
        @NotBlank @Size(max = 200) String complaintId,
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
                complaintId == null ? Map.of() : Map.of("pmsComplaintId", complaintId));
    }
}
