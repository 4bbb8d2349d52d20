package org.fieldsafety.changecontrol.change.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.platform.signature.Signature;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The read model of one change request, kept by {@link ChangeRequestProjection}. */
@Entity
@Table(name = "change_request_view")
public class ChangeRequestView extends VersionedView {

    @Id
    public String id;

    public String title;
    public String reason;
    public String productId;
    public String problemReportId;
    /** Triage's problem id, when the trigger named it. */
    public String problemId;

    public String fscaCaseId;

    @Enumerated(EnumType.STRING)
    public ChangeRequestStatus status;

    public String requestedBy;
    public Instant raisedAt;

    /** One JSON object: the reactive PostgreSQL client decodes a JSON column only as an object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details = new Details(List.of(), null, null, null);

    /** What the change request holds beyond its keys: its items and each workflow step once taken. */
    public record Details(
            List<String> softwareItems,
            ImpactAnalysis impactAnalysis,
            Approval approval,
            Implementation implementation) {}

    /** The change board's signed approval as the request shows it. */
    public record Approval(Signature signature, long signedVersion) {}

    void analysed(ImpactAnalysis analysis) {
        status = ChangeRequestStatus.IMPACT_ANALYSED;
        details = new Details(details.softwareItems(), analysis, details.approval(), details.implementation());
    }

    void approved(Approval approval) {
        status = ChangeRequestStatus.APPROVED;
        details = new Details(details.softwareItems(), details.impactAnalysis(), approval, details.implementation());
    }

    void implemented(Implementation implementation) {
        status = ChangeRequestStatus.IMPLEMENTED;
        details = new Details(details.softwareItems(), details.impactAnalysis(), details.approval(), implementation);
    }
}
