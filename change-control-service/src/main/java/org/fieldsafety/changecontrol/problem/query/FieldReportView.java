package org.fieldsafety.changecontrol.problem.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.contracts.ReportTriaged;

/**
 * One field report of a problem, by software version, as triage published it: the field facts a problem
 * report's resolution is checked against (IEC 62304 9.7). Kept from triage's topic, once per report.
 */
@Entity
@Table(name = "field_report_view")
public class FieldReportView extends PanacheEntityBase {

    private static final int COLUMNS = 6;

    @Id
    public String reportId;

    public String problemId;
    public String productId;
    public String softwareVersion;
    public Instant awareAt;
    public Instant triagedAt;

    /**
     * Records triaged reports of problems in one statement, so a batch of them costs one round trip; one
     * recorded before (redelivered, or twice in the list) changes nothing. At most 10,000 reports: the
     * statement's parameters are bounded by PostgreSQL's 65,535.
     */
    public static Uni<Void> record(List<ReportTriaged> reports) {
        String rows = IntStream.range(0, reports.size())
                .mapToObj(row -> IntStream.rangeClosed(row * COLUMNS + 1, row * COLUMNS + COLUMNS)
                        .mapToObj(parameter -> "?" + parameter)
                        .collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
        return Panache.getSession()
                .chain(session -> {
                    var insert = session.createNativeQuery("insert into field_report_view (report_id, problem_id,"
                            + " product_id, software_version, aware_at, triaged_at) values " + rows
                            + " on conflict (report_id) do nothing");
                    for (int row = 0; row < reports.size(); row++) {
                        ReportTriaged report = reports.get(row);
                        int first = row * COLUMNS;
                        insert.setParameter(first + 1, report.reportId())
                                .setParameter(first + 2, report.problemId())
                                .setParameter(first + 3, report.productId())
                                .setParameter(first + 4, report.softwareVersion())
                                .setParameter(first + 5, report.awareAt())
                                .setParameter(first + 6, report.triagedAt());
                    }
                    return insert.executeUpdate();
                })
                .replaceWithVoid();
    }

    /** The reports of triage's problem {@code problemId}. */
    public static Uni<List<FieldReport>> ofProblem(String problemId) {
        return FieldReportView.<FieldReportView>list("problemId", problemId).map(views -> views.stream()
                .map(view -> new FieldReport(view.reportId, view.softwareVersion, view.triagedAt))
                .toList());
    }
}
