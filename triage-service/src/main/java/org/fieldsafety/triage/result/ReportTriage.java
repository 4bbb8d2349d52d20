package org.fieldsafety.triage.result;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.triage.classification.Classification;
import org.fieldsafety.triage.classification.FdaReportability;
import org.fieldsafety.triage.classification.RegisteredProduct;
import org.fieldsafety.triage.classification.RiskMatrix;
import org.fieldsafety.triage.policy.RiskPolicies;
import org.fieldsafety.triage.problem.Problems;
import org.fieldsafety.triage.registry.ProductRegistry;

/**
 * Triages a batch of reports in one transaction: reports already triaged keep their stored result, the
 * others are classified against the current registry and risk policy, their problems recorded and trended
 * ({@link Problems}), and stored. Answers the result of every distinct report of the batch, in order, and
 * the problem events of the batch, so the caller publishes stored and new results alike.
 */
@ApplicationScoped
public class ReportTriage {

    private final ProductRegistry registry;
    private final RiskPolicies policies;
    private final Problems problems;
    private final FdaReportability fda;
    private final Clock clock;

    ReportTriage(
            ProductRegistry registry, RiskPolicies policies, Problems problems, FdaReportability fda, Clock clock) {
        this.registry = registry;
        this.policies = policies;
        this.problems = problems;
        this.fda = fda;
        this.clock = clock;
    }

    /** The results of a batch and its problem events (ProblemDetected, TrendSignalRaised). */
    public record Outcome(List<TriageView> results, Problems.Tracked problems) {}

    public Uni<Outcome> triage(List<FieldReportReceived> reports) {
        Map<String, FieldReportReceived> byId = new LinkedHashMap<>();
        reports.forEach(report -> byId.putIfAbsent(report.reportId(), report));
        return Panache.withTransaction(
                () -> TriageResultEntity.<TriageResultEntity>list("reportId in ?1", List.copyOf(byId.keySet()))
                        .chain(stored -> {
                            Map<String, TriageView> views = new LinkedHashMap<>();
                            byId.keySet().forEach(id -> views.put(id, null));
                            stored.forEach(row -> views.put(row.reportId, row.view));
                            List<FieldReportReceived> fresh = byId.values().stream()
                                    .filter(report -> views.get(report.reportId()) == null)
                                    .toList();
                            Uni<Problems.Tracked> tracked = fresh.isEmpty()
                                    ? problems.track(List.of(), views, clock.instant())
                                    : classify(fresh, views);
                            return tracked.map(events -> new Outcome(List.copyOf(views.values()), events));
                        }));
    }

    private Uni<Problems.Tracked> classify(List<FieldReportReceived> fresh, Map<String, TriageView> views) {
        List<String> productIds =
                fresh.stream().map(FieldReportReceived::productId).distinct().toList();
        return registry.current(productIds)
                .chain(products -> policies.current().chain(policy -> store(fresh, products, policy, views)));
    }

    private Uni<Problems.Tracked> store(
            List<FieldReportReceived> fresh,
            Map<String, RegisteredProduct> products,
            RiskMatrix policy,
            Map<String, TriageView> views) {
        Instant now = clock.instant();
        List<TriageView> classified = fresh.stream()
                .map(report ->
                        TriageView.of(Classification.of(report, products.get(report.productId()), policy, fda, now)))
                .toList();
        classified.forEach(view -> views.put(view.reportId(), view));
        return problems.track(classified, views, now).call(tracked -> {
            List<TriageResultEntity> rows = new ArrayList<>(fresh.size());
            for (FieldReportReceived report : fresh) {
                TriageView view = views.get(report.reportId());
                if (tracked.signalling().contains(view.problemId())) {
                    view = view.withTrendSignal();
                    views.put(view.reportId(), view);
                }
                rows.add(row(report, view));
            }
            return TriageResultEntity.persist(rows);
        });
    }

    private TriageResultEntity row(FieldReportReceived report, TriageView view) {
        TriageResultEntity row = new TriageResultEntity();
        row.reportId = view.reportId();
        row.productId = view.productId();
        row.problemId = view.problemId();
        row.softwareItem = view.softwareItem();
        row.faultCode = view.faultCode();
        row.softwareVersion = view.softwareVersion();
        row.country = view.country();
        row.awareAt = view.awareAt();
        row.triagedAt = view.triagedAt();
        row.policyVersion = view.policyVersion();
        row.registryVersion = view.registryVersion();
        row.view = view;
        row.report = report;
        return row;
    }
}
