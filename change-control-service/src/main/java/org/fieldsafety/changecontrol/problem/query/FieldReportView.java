package org.fieldsafety.changecontrol.problem.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.contracts.ReportTriaged;

/**
 * One field report of a problem, by software version, as triage published it: the field facts a problem
 * report's resolution is checked against (IEC 62304 9.7). Kept from triage's topic, once per report.
 */
@Entity
@Table(name = "field_report_view")
public class FieldReportView extends PanacheEntityBase {

    private static final String RECORD = "insert into field_report_view"
            + " (report_id, problem_id, product_id, software_version, aware_at, triaged_at)"
            + " select * from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]),"
            + " cast(?4 as varchar[]), cast(cast(?5 as text[]) as timestamptz[]),"
            + " cast(cast(?6 as text[]) as timestamptz[]))"
            + " on conflict (report_id) do nothing";

    @Id
    public String reportId;

    public String problemId;
    public String productId;
    public String softwareVersion;
    public Instant awareAt;
    public Instant triagedAt;

    /**
     * Records triaged reports of problems in one statement, so a batch of them costs one round trip; one
     * recorded before (redelivered, or twice in the list) changes nothing. The columns go as six arrays, so
     * the statement's text is the same for every batch and PostgreSQL plans it once per connection: a
     * {@code values} list of six parameters per report was a new statement at every size, parsed and planned
     * at every batch (docs/profile.md section 24).
     */
    public static Uni<Void> record(List<ReportTriaged> reports) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter(1, column(reports, ReportTriaged::reportId))
                        .setParameter(2, column(reports, ReportTriaged::problemId))
                        .setParameter(3, column(reports, ReportTriaged::productId))
                        .setParameter(4, column(reports, ReportTriaged::softwareVersion))
                        .setParameter(5, column(reports, report -> text(report.awareAt())))
                        .setParameter(6, column(reports, report -> text(report.triagedAt())))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A time as ISO-8601 text, which PostgreSQL reads as a {@code timestamptz}: Hibernate Reactive hands an
     * array of times to the PostgreSQL client as {@code Instant[]}, which the client cannot encode. Cut to
     * PostgreSQL's microseconds here, as the client cuts a single time, where PostgreSQL would round the text.
     */
    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    private static String[] column(List<ReportTriaged> reports, Function<ReportTriaged, String> value) {
        return reports.stream().map(value).toArray(String[]::new);
    }

    /** The reports of triage's problem {@code problemId}. */
    public static Uni<List<FieldReport>> ofProblem(String problemId) {
        return FieldReportView.<FieldReportView>list("problemId", problemId).map(views -> views.stream()
                .map(view -> new FieldReport(view.reportId, view.softwareVersion, view.triagedAt))
                .toList());
    }
}
