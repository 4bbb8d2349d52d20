package org.fieldsafety.fsca.vigilance.periodic.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.periodic.AgreementTerms;
import org.fieldsafety.platform.signature.Signature;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A periodic summary reporting agreement as its list reads it, kept by {@link PeriodicSummaryAgreementProjection}. */
@Entity
@Table(name = "periodic_summary_agreement_view")
public class PeriodicSummaryAgreementView extends VersionedView {

    @Id
    public String agreementId;

    @Enumerated(EnumType.STRING)
    public Regime regime;

    public String productId;
    public String problemId;
    public String frequency;
    public LocalDate firstPeriodStart;
    public String competentAuthority;
    public String authorityReference;
    public Instant agreedAt;
    /** Null while the agreement is live. */
    public Instant endedAt;

    /**
     * One JSON object, replaced by a changed copy on every change. Hibernate compares it by value with a copy
     * taken when it was loaded or stored, so it writes the row only when that differs.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details = new Details();

    /** The agreed problem's codes, who approved the agreement, and why and by whom it ended. */
    public static class Details {
        public List<CodedTerm> deviceProblems = List.of();
        public Signature signature;
        public String endReason;
        public Signature endSignature;

        Details copy() {
            Details copy = new Details();
            copy.deviceProblems = deviceProblems;
            copy.signature = signature;
            copy.endReason = endReason;
            copy.endSignature = endSignature;
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Details d
                    && Objects.equals(deviceProblems, d.deviceProblems)
                    && Objects.equals(signature, d.signature)
                    && Objects.equals(endReason, d.endReason)
                    && Objects.equals(endSignature, d.endSignature);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceProblems, signature, endReason, endSignature);
        }
    }

    public AgreementTerms terms() {
        return new AgreementTerms(
                regime,
                productId,
                problemId,
                details.deviceProblems,
                frequency,
                firstPeriodStart,
                competentAuthority,
                authorityReference,
                agreedAt);
    }
}
