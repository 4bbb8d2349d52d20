package org.fieldsafety.triage.result;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.fieldsafety.contracts.FieldReportReceived;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The awareness the clocks run from. */
    @Column(name = "aware_at")
    public Instant awareAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The report this one says it follows up, as given. */
    @Column(name = "follow_up_of")
    public String followUpOf;

    /** The report that first told of the event: this one, or the earlier one it follows up. */
    @Column(name = "original_report_id")
    public String originalReportId;

    /** The severity under which the report counts in its problem's trend (MDR Art. 88); null when it does not. */
    @Column(name = "trend_severity")
    public Integer trendSeverity;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "registry_version")
    public Integer registryVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public TriageView view;

    /** The report as received (null before schema V2). */
    @JdbcTypeCode(SqlTypes.JSON)
    public FieldReportReceived report;

    /**
     * The stored results of these reports, in one statement with the ids as one array: Hibernate translated
     * the same lookup with a list parameter ({@code reportId in ?1}) to SQL again at every execution, 5.8 % of
     * triage's profile samples at 1,000 reports/s (docs/profile.md section 18). Callers provide the session.
     */
    static Uni<List<TriageResultEntity>> of(Collection<String> reportIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from triage_result where report_id = any(?1)", TriageResultEntity.class)
                .setParameter(1, reportIds.toArray(String[]::new))
                .getResultList());
    }
}
