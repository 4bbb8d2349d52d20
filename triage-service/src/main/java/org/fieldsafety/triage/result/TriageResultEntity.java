package org.fieldsafety.triage.result;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored triage result: one per report, the consumer's idempotency record and what it re-publishes. */
@Entity
@Table(name = "triage_result")
public class TriageResultEntity extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public String reportId;

    @Column(name = "product_id")
    public String productId;

    @Column(name = "problem_id")
    public String problemId;

    @Column(name = "software_item")
    public String softwareItem;

    @Column(name = "fault_code")
    public String faultCode;

    @Column(name = "software_version")
    public String softwareVersion;

    public String country;

    @Column(name = "aware_at")
    public Instant awareAt;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "registry_version")
    public Integer registryVersion;

    /** The {@link TriageView} as JSON. */
    public String view;

    /** The received {@link org.fieldsafety.contracts.FieldReportReceived} as JSON (null before schema V2). */
    public String report;
}
