package org.fieldsafety.fsca.vigilance.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.fsca.vigilance.DraftContent;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.ReportingDuty;
import org.fieldsafety.fsca.vigilance.SummaryPeriod;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.platform.signature.Signature;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A vigilance report as its list and its documents read it, kept by {@link VigilanceReportProjection}. */
@Entity
@Table(name = "vigilance_report_view")
public class VigilanceReportView extends VersionedView {

    @Id
    public String reportId;

    public String caseId;
    /** Null for the case's own report. */
    public String incidentReportId;

    @Enumerated(EnumType.STRING)
    public Regime regime;

    @Enumerated(EnumType.STRING)
    public VigilanceReportKind kind;

    public String basis;
    public Instant dueAt;
    public int followUpNumber;

    @Enumerated(EnumType.STRING)
    public VigilanceReportStatus status;

    public Instant updatedAt;

    /**
     * One JSON object, replaced by a changed copy on every change. Hibernate compares it by value with a copy
     * taken when it was loaded or stored, so it writes the row only when that differs.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details = new Details();

    /**
     * What regulatory affairs added, the report as submitted, and the authority's answer; for a periodic
     * summary report its period and the incidents it lists.
     */
    public static class Details {
        public DraftContent content = DraftContent.EMPTY;
        public Submission submission;
        public Answer answer;
        /** Why the draft was withdrawn, null unless it was. */
        public String withdrawal;
        /** Null unless a periodic summary report. */
        public SummaryPeriod summary;

        public List<SummaryPeriod.Listed> listed = List.of();

        Details copy() {
            Details copy = new Details();
            copy.content = content;
            copy.submission = submission;
            copy.answer = answer;
            copy.withdrawal = withdrawal;
            copy.summary = summary;
            copy.listed = new ArrayList<>(listed);
            return copy;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Details d
                    && Objects.equals(content, d.content)
                    && Objects.equals(submission, d.submission)
                    && Objects.equals(answer, d.answer)
                    && Objects.equals(withdrawal, d.withdrawal)
                    && Objects.equals(summary, d.summary)
                    && Objects.equals(listed, d.listed);
        }

        @Override
        public int hashCode() {
            return Objects.hash(content, submission, answer, withdrawal, summary, listed);
        }
    }

    /** The frozen report: the document as submitted, its file's name and SHA-256, and the approval. */
    public record Submission(
            String reference,
            Instant submittedAt,
            boolean late,
            VigilanceReportDocument document,
            String fileName,
            String sha256,
            Signature signature) {}

    /** The authority's answer: accepted with its reference, or rejected with the reason. */
    public record Answer(boolean accepted, String authorityReference, String reason, Instant at) {}

    public ReportingDuty duty() {
        return new ReportingDuty(caseId, incidentReportId, regime, kind, basis, dueAt, followUpNumber);
    }

    void set(ReportingDuty duty) {
        caseId = duty.caseId();
        incidentReportId = duty.incidentReportId();
        regime = duty.regime();
        kind = duty.kind();
        basis = duty.basis();
        dueAt = duty.dueAt();
        followUpNumber = duty.followUpNumber();
    }
}
