package org.fieldsafety.changecontrol.problem.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.fieldsafety.changecontrol.change.ChangeRequestService;
import org.fieldsafety.changecontrol.change.query.ReleasedChange;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.changecontrol.problem.FixedRelease;

/**
 * The field facts a problem report's resolution is checked against (IEC 62304 9.7), read from the read
 * models for the commands that carry them, so the aggregate decides on facts it is given and records. For
 * the blocking callers that send those commands: each read runs on a Vert.x context and is awaited.
 */
@ApplicationScoped
public class ResolutionFacts {

    private final ChangeRequestService changes;

    ResolutionFacts(ChangeRequestService changes) {
        this.changes = changes;
    }

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

    private Uni<FixedRelease> fixedRelease(ProblemReportView report, String namedVersion) {
        if (namedVersion != null) {
            return changes.releasesOfProduct(report.productId).map(releases -> releases.stream()
                    .filter(release -> release.version().equals(namedVersion))
                    .min(Comparator.comparing(ReleasedChange::releasedAt))
                    .map(ResolutionFacts::fix)
                    .orElse(null));
        }
        return changes.releasesFor(report.id, report.problemId, report.links.changeRequestIds())
                .map(releases -> releases.stream()
                        .max(Comparator.comparing(ReleasedChange::releasedAt))
                        .map(ResolutionFacts::fix)
                        .orElse(null));
    }

    private static FixedRelease fix(ReleasedChange release) {
        return new FixedRelease(release.version(), release.changeRequestId(), release.releasedAt());
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
