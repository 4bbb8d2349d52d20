package org.fieldsafety.changecontrol.change.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.change.Closure;
import org.fieldsafety.changecontrol.change.Communication;
import org.fieldsafety.changecontrol.change.ImpactAnalysis;
import org.fieldsafety.changecontrol.change.Implementation;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.Verification;
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
    public Details details = new Details(List.of(), null, null, null, List.of(), null, null, null, null);

    /**
     * What the change request holds beyond its keys: its items, each workflow step once taken (the latest
     * one when a reclassification repeated it), and every reclassification (IEC 62304 8.2.2).
     */
    public record Details(
            List<String> softwareItems,
            ImpactAnalysis impactAnalysis,
            Approval approval,
            Implementation implementation,
            List<Implementation.Reclassification> reclassifications,
            Verification verification,
            Release release,
            Communication communication,
            Closure closure) {

        Details with(ImpactAnalysis analysis) {
            return new Details(
                    softwareItems,
                    analysis,
                    approval,
                    implementation,
                    reclassifications(),
                    verification,
                    release,
                    communication,
                    closure);
        }

        Details with(Approval given) {
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    given,
                    implementation,
                    reclassifications(),
                    verification,
                    release,
                    communication,
                    closure);
        }

        Details with(Implementation done) {
            List<Implementation.Reclassification> all = new ArrayList<>(reclassifications());
            if (done.reclassifies()) {
                all.addAll(done.reclassifications());
            }
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    approval,
                    done,
                    List.copyOf(all),
                    verification,
                    release,
                    communication,
                    closure);
        }

        Details with(Verification verified) {
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    approval,
                    implementation,
                    reclassifications(),
                    verified,
                    release,
                    communication,
                    closure);
        }

        Details with(Release released) {
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    approval,
                    implementation,
                    reclassifications(),
                    verification,
                    released,
                    communication,
                    closure);
        }

        Details with(Communication sent) {
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    approval,
                    implementation,
                    reclassifications(),
                    verification,
                    release,
                    sent,
                    closure);
        }

        Details with(Closure closed) {
            return new Details(
                    softwareItems,
                    impactAnalysis,
                    approval,
                    implementation,
                    reclassifications(),
                    verification,
                    release,
                    communication,
                    closed);
        }

        /** Rows written before reclassifications were recorded have none. */
        @Override
        public List<Implementation.Reclassification> reclassifications() {
            return reclassifications == null ? List.of() : reclassifications;
        }
    }

    /** The change board's signed approval as the request shows it. */
    public record Approval(Signature signature, long signedVersion) {}

    void analysed(ImpactAnalysis analysis) {
        details = details.with(analysis);
    }

    void approved(Approval approval) {
        details = details.with(approval);
    }

    void implemented(Implementation implementation) {
        details = details.with(implementation);
    }

    void verified(Verification verification) {
        details = details.with(verification);
    }

    void released(Release release) {
        details = details.with(release);
    }

    void communicated(Communication communication) {
        details = details.with(communication);
    }

    void closed(Closure closure) {
        details = details.with(closure);
    }
}
