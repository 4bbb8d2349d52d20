package org.fieldsafety.changecontrol.problem.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.changecontrol.problem.AdvisedParty;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.Investigation;
import org.fieldsafety.changecontrol.problem.NoRecurrence;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.changecontrol.problem.ResolutionVerification;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The read model of one problem report (IEC 62304 9.5), kept by {@link ProblemReportProjection}. */
@Entity
@Table(name = "problem_report_view")
public class ProblemReportView extends VersionedView {

    @Id
    public String id;

    /** Triage's problem id; null for a report opened by hand. */
    public String problemId;

    public String productId;
    public String softwareItem;
    public String softwareVersion;
    public String faultCode;
    public String description;

    @Enumerated(EnumType.STRING)
    public ProblemReportStatus status;

    public String openedBy;
    public Instant openedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Criticality criticality;

    /** The latest investigation (a reopened report is investigated again). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Investigation investigation;

    public String noActionRationale;

    @JdbcTypeCode(SqlTypes.JSON)
    public ResolutionVerification resolutionVerification;

    /** The field evidence the resolution was last checked on: at verification, then at closure. */
    @JdbcTypeCode(SqlTypes.JSON)
    public NoRecurrence noRecurrence;

    public String closedBy;
    public Instant closedAt;

    /** One JSON object: the reactive PostgreSQL client decodes a JSON column only as an object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Links links = new Links(List.of(), List.of(), List.of());

    /** What accumulates over the report's life: its change requests, advised parties and reopenings. */
    public record Links(List<String> changeRequestIds, List<AdvisedParty> partiesAdvised, List<Reopening> reopenings) {

        Links withChangeRequests(List<String> ids) {
            return new Links(concat(changeRequestIds, ids), partiesAdvised, reopenings);
        }

        Links withParties(List<AdvisedParty> parties) {
            return new Links(changeRequestIds, concat(partiesAdvised, parties), reopenings);
        }

        Links withReopening(Reopening reopening) {
            return new Links(changeRequestIds, partiesAdvised, concat(reopenings, List.of(reopening)));
        }

        private static <T> List<T> concat(List<T> first, List<T> second) {
            List<T> all = new ArrayList<>(first);
            second.stream().filter(item -> !all.contains(item)).forEach(all::add);
            return List.copyOf(all);
        }
    }

    /** The triaged report that showed the problem recurring after closure. */
    public record Reopening(String reportId, Instant reopenedAt) {}
}
