package org.fieldsafety.triage.policy;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.triage.classification.RiskRegion;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the ISO 14971 risk acceptability matrix (rows are never updated). */
@Entity
@Table(name = "risk_policy")
public class RiskPolicyEntity extends PanacheEntityBase {

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public Matrix matrix;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** 5 rows (severity 1-5) of 5 regions (probability 1-5). */
    public record Matrix(List<List<RiskRegion>> regions) {}
}
