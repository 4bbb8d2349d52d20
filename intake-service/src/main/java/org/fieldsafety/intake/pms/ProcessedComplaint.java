package org.fieldsafety.intake.pms;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.fieldsafety.intake.report.ReportIds;

/**
 * A PMS complaint intake has turned into a report: its report id and the time intake first received it
 * (the awareness time), so a redelivered complaint is re-emitted as the same report.
 */
@Entity
@Table(name = "processed_pms_complaint")
public class ProcessedComplaint extends PanacheEntityBase {

    /** The client name PMS reports carry; report ids derive from it and the complaint id. */
    public static final String CLIENT = "pms";

    @Id
    @Column(name = "complaint_id")
    public String complaintId;

    @Column(name = "report_id")
    public String reportId;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static ProcessedComplaint first(String complaintId, Instant receivedAt) {
        ProcessedComplaint processed = new ProcessedComplaint();
        processed.complaintId = complaintId;
        processed.reportId = ReportIds.of(CLIENT, complaintId);
        // PostgreSQL keeps microseconds: a redelivery must re-emit exactly the first awareness time
        processed.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return processed;
    }
}
