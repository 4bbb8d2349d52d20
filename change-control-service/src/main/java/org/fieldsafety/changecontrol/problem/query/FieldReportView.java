package org.fieldsafety.changecontrol.problem.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.contracts.ReportTriaged;

/**
 * One field report of a problem, by software version, as triage published it: the field facts a problem
 * report's resolution is checked against (IEC 62304 9.7). Kept from triage's topic, once per report.
 */
@Entity
@Table(name = "field_report_view")
public class FieldReportView extends PanacheEntityBase {

    @Id
    public String reportId;

    public String problemId;
    public String productId;
    public String softwareVersion;
    public Instant awareAt;
    public Instant triagedAt;

    /** Records a triaged report of a problem; a redelivered one changes nothing. */
    public static Uni<Void> record(ReportTriaged report) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into field_report_view (report_id, problem_id, product_id, software_version,"
                                        + " aware_at, triaged_at) values (?1, ?2, ?3, ?4, ?5, ?6)"
                                        + " on conflict (report_id) do nothing")
                        .setParameter(1, report.reportId())
                        .setParameter(2, report.problemId())
                        .setParameter(3, report.productId())
                        .setParameter(4, report.softwareVersion())
                        .setParameter(5, report.awareAt())
                        .setParameter(6, report.triagedAt())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The reports of triage's problem {@code problemId}. */
    public static Uni<List<FieldReport>> ofProblem(String problemId) {
        return FieldReportView.<FieldReportView>list("problemId", problemId).map(views -> views.stream()
                .map(view -> new FieldReport(view.reportId, view.softwareVersion, view.triagedAt))
                .toList());
    }
}
