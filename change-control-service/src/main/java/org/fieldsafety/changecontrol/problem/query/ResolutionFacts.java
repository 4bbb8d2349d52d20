package org.fieldsafety.changecontrol.problem.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.fieldsafety.changecontrol.change.Release;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.changecontrol.problem.FixedRelease;

/**
 * The field facts a problem report's resolution is checked against (IEC 62304 9.7), read from the read
 * models for the commands that carry them, so the aggregate decides on facts it is given and records. For
 * the blocking callers that send those commands: each read runs on a Vert.x context and is awaited.
 */
@ApplicationScoped
public class ResolutionFacts {

    /** What the verification of a resolution is checked against. */
    public record Facts(FixedRelease fixedRelease, List<FieldReport> fieldReports) {}

    /**
     * The fix of the report's problem and its field reports. The fix is the release of {@code
     * namedVersion} by a change request of the product when a version is named; otherwise the latest
     * release among the change requests of the problem (linked to the report, raised from it, or raised for
     * triage's problem). Null when there is none (yet, or not yet in the read model).
     */
    public Facts forVerification(String problemReportId, String namedVersion) {
        return await(() -> ProblemReportView.<ProblemReportView>findById(problemReportId)
                .chain(report -> report == null
                        ? Uni.createFrom().item(new Facts(null, List.of()))
                        : fixedRelease(report, namedVersion)
                                .chain(release -> fieldReports(report).map(reports -> new Facts(release, reports)))));
    }

    /** The report's field reports as they stand now. */
    public List<FieldReport> forClosure(String problemReportId) {
        return await(() -> ProblemReportView.<ProblemReportView>findById(problemReportId)
                .chain(report -> report == null ? Uni.createFrom().item(List.of()) : fieldReports(report)));
    }

    private static Uni<FixedRelease> fixedRelease(ProblemReportView report, String namedVersion) {
        if (namedVersion != null) {
            return ChangeRequestView.<ChangeRequestView>list("productId", report.productId)
                    .map(changes -> releases(changes).stream()
                            .filter(release -> release.version().equals(namedVersion))
                            .min(Comparator.comparing(FixedRelease::releasedAt))
                            .orElse(null));
        }
        List<String> conditions = new ArrayList<>(List.of("problemReportId = :report"));
        Parameters parameters = Parameters.with("report", report.id);
        if (report.problemId != null) {
            conditions.add("problemId = :problem");
            parameters.and("problem", report.problemId);
        }
        if (!report.links.changeRequestIds().isEmpty()) {
            conditions.add("id in :linked");
            parameters.and("linked", report.links.changeRequestIds());
        }
        return ChangeRequestView.<ChangeRequestView>list(String.join(" or ", conditions), parameters)
                .map(changes -> releases(changes).stream()
                        .max(Comparator.comparing(FixedRelease::releasedAt))
                        .orElse(null));
    }

    private static List<FixedRelease> releases(List<ChangeRequestView> changes) {
        return changes.stream()
                .filter(change -> change.details.release() != null)
                .map(change -> {
                    Release release = change.details.release();
                    return new FixedRelease(release.version(), change.id, release.releasedAt());
                })
                .toList();
    }

    private static Uni<List<FieldReport>> fieldReports(ProblemReportView report) {
        return report.problemId == null
                ? Uni.createFrom().item(List.of())
                : FieldReportView.ofProblem(report.problemId);
    }

    private static <T> T await(Supplier<Uni<T>> read) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(read));
        } catch (Throwable e) {
            throw new IllegalStateException("Reading the field facts failed", e);
        }
    }
}
