package org.fieldsafety.triage.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.telemetry.Meter;
import org.fieldsafety.triage.classification.Classification;
import org.fieldsafety.triage.classification.RegisteredProduct;
import org.fieldsafety.triage.classification.Reportability;
import org.fieldsafety.triage.classification.RiskMatrix;
import org.fieldsafety.triage.policy.RiskPolicies;
import org.fieldsafety.triage.problem.TrendTracker;
import org.fieldsafety.triage.registry.ProductRegistry;
import org.fieldsafety.triage.trend.TrendCounting;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The triage results: triages a batch of reports in one transaction, where reports already triaged keep
 * their stored result and the others are classified against the current registry and risk policy, their
 * problems recorded and trended ({@link TrendTracker}), and stored; answers the result of every distinct
 * report of the batch, in order, and the problem events of the batch, so the caller publishes stored and
 * new results alike. A report that follows up one triaged earlier (stored, or before it in the batch) is
 * linked to it: it joins that report's problem and is not another occurrence of it. And the queries of the
 * stored results, for the API, the problems list and what-if. Each report triaged for the first time counts
 * in {@link Meter#TRIAGE_OUTCOMES} once its transaction committed.
 */
@ApplicationScoped
public class ReportTriage {

    private final ProductRegistry registry;
    private final RiskPolicies policies;
    private final TrendTracker problems;
    private final Reportability reportability;
    private final Clock clock;
    private final MeterRegistry metrics;

    ReportTriage(
            ProductRegistry registry,
            RiskPolicies policies,
            TrendTracker problems,
            Reportability reportability,
            Clock clock,
            MeterRegistry metrics) {
        this.registry = registry;
        this.policies = policies;
        this.problems = problems;
        this.reportability = reportability;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The results of a batch and its problem events (ProblemDetected, TrendSignalRaised). */
    public record Outcome(List<TriageView> results, TrendTracker.Tracked problems) {}

    public Uni<Outcome> triage(List<FieldReportReceived> reports) {
        Map<String, FieldReportReceived> byId = new LinkedHashMap<>();
        reports.forEach(report -> byId.putIfAbsent(report.reportId(), report));
        Set<String> freshIds = new HashSet<>();
        return Panache.withTransaction(
                        () -> TriageResultEntity.of(byId.keySet()).chain(stored -> {
                            Map<String, TriageView> views = new LinkedHashMap<>();
                            byId.keySet().forEach(id -> views.put(id, null));
                            stored.forEach(row -> views.put(row.reportId, row.view));
                            List<FieldReportReceived> fresh = byId.values().stream()
                                    .filter(report -> views.get(report.reportId()) == null)
                                    .toList();
                            fresh.forEach(report -> freshIds.add(report.reportId()));
                            Uni<TrendTracker.Tracked> tracked = fresh.isEmpty()
                                    ? problems.track(List.of(), views, clock.instant())
                                    : classify(fresh, views);
                            return tracked.map(events -> new Outcome(List.copyOf(views.values()), events));
                        }))
                .invoke(outcome -> outcome.results().stream()
                        .filter(view -> freshIds.contains(view.reportId()))
                        .forEach(this::count));
    }

    private void count(TriageView view) {
        metrics.counter(
                        Meter.TRIAGE_OUTCOMES.meterName(),
                        "risk_region",
                        view.riskRegion(),
                        "serious",
                        Boolean.toString(view.seriousIncident()),
                        "fsca_candidate",
                        Boolean.toString(view.fscaCandidate()))
                .increment();
    }

    /** A report's stored triage result; not found until the report is triaged. */
    @WithSession
    public Uni<TriageView> find(String reportId) {
        return TriageResultEntity.<TriageResultEntity>findById(reportId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Triage result of report " + reportId))
                .map(row -> row.view);
    }

    /** A stored triage: the report as received and its result. */
    public record Stored(String reportId, FieldReportReceived report, TriageView view) {}

    /**
     * The latest {@code limit} of a product's results stored with their received report, the latest first;
     * callers provide the session.
     */
    public Uni<List<Stored>> stored(String productId, int limit) {
        return TriageResultEntity.<TriageResultEntity>find(
                        "productId = ?1 and report is not null order by awareAt desc, reportId", productId)
                .page(0, limit)
                .list()
                .map(rows -> rows.stream()
                        .map(row -> new Stored(row.reportId, row.report, row.view))
                        .toList());
    }

    /**
     * How often one problem of a product was reported (IEC 62304 9.1, 9.6): the events (follow-up information
     * on an event is not another one), the first and last awareness, and the software versions and countries
     * its reports came from.
     */
    public record Occurrences(
            String problemId,
            String softwareItem,
            String faultCode,
            long reports,
            Instant firstSeen,
            Instant lastSeen,
            SortedSet<String> softwareVersions,
            SortedSet<String> countries) {}

    /** The occurrences of each problem of the product, the most recently seen first. */
    @WithSession
    public Uni<List<Occurrences>> occurrences(String productId) {
        return Panache.getSession().chain(session -> values(session, "softwareVersion", productId)
                .chain(versions -> values(session, "country", productId)
                        .chain(countries -> session.createSelectionQuery(
                                        "select r.problemId,"
                                                + " min(r.softwareItem) filter (where r.originalReportId = r.reportId),"
                                                + " min(r.faultCode) filter (where r.originalReportId = r.reportId),"
                                                + " count(r) filter (where r.originalReportId = r.reportId),"
                                                + " min(r.awareAt), max(r.awareAt)"
                                                + " from TriageResultEntity r where r.productId = ?1"
                                                + " group by r.problemId order by max(r.awareAt) desc",
                                        Object[].class)
                                .setParameter(1, productId)
                                .getResultList()
                                .map(rows -> rows.stream()
                                        .map(row -> new Occurrences(
                                                (String) row[0],
                                                (String) row[1],
                                                (String) row[2],
                                                (Long) row[3],
                                                (Instant) row[4],
                                                (Instant) row[5],
                                                versions.getOrDefault((String) row[0], new TreeSet<>()),
                                                countries.getOrDefault((String) row[0], new TreeSet<>())))
                                        .toList()))));
    }

    /** The distinct non-null values of one attribute per problem of the product. */
    private static Uni<Map<String, TreeSet<String>>> values(
            Mutiny.Session session, String attribute, String productId) {
        return session.createSelectionQuery(
                        "select distinct r.problemId, r." + attribute + " from TriageResultEntity r"
                                + " where r.productId = ?1 and r." + attribute + " is not null",
                        Object[].class)
                .setParameter(1, productId)
                .getResultList()
                .map(rows -> rows.stream()
                        .collect(Collectors.groupingBy(
                                row -> (String) row[0],
                                Collectors.mapping(row -> (String) row[1], Collectors.toCollection(TreeSet::new)))));
    }

    private Uni<TrendTracker.Tracked> classify(List<FieldReportReceived> fresh, Map<String, TriageView> views) {
        List<String> productIds =
                fresh.stream().map(FieldReportReceived::productId).distinct().toList();
        return registry.current(productIds).chain(products -> policies.current().chain(policy -> originals(fresh)
                .chain(originals -> store(fresh, products, policy, originals, views))));
    }

    /** The stored reports the fresh ones follow up, by report id. */
    private static Uni<Map<String, Classification.Original>> originals(List<FieldReportReceived> fresh) {
        List<String> followedUp = fresh.stream()
                .map(FieldReportReceived::followUpOf)
                .filter(id -> id != null)
                .distinct()
                .toList();
        if (followedUp.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return TriageResultEntity.of(followedUp).map(rows -> rows.stream()
                .collect(Collectors.toMap(
                        row -> row.reportId,
                        row -> new Classification.Original(
                                row.originalReportId == null ? row.reportId : row.originalReportId, row.problemId),
                        (a, b) -> a,
                        HashMap::new)));
    }

    private Uni<TrendTracker.Tracked> store(
            List<FieldReportReceived> fresh,
            Map<String, RegisteredProduct> products,
            RiskMatrix policy,
            Map<String, Classification.Original> originals,
            Map<String, TriageView> views) {
        Instant now = clock.instant();
        List<TriageView> classified = new ArrayList<>(fresh.size());
        for (FieldReportReceived report : fresh) {
            TriageView view = TriageView.of(Classification.of(
                    report,
                    products.get(report.productId()),
                    policy,
                    reportability,
                    now,
                    report.followUpOf() == null ? null : originals.get(report.followUpOf())));
            // a later report of the batch may follow this one up
            originals.put(view.reportId(), new Classification.Original(view.originalReportId(), view.problemId()));
            classified.add(view);
        }
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
        row.receivedAt = view.receivedAt();
        row.followUpOf = view.followUpOf();
        row.originalReportId = view.originalReportId();
        row.trendSeverity = TrendCounting.countedSeverity(view.seriousIncident(), view.newEvent(), view.severity());
        row.triagedAt = view.triagedAt();
        row.policyVersion = view.policyVersion();
        row.registryVersion = view.registryVersion();
        row.view = view;
        row.report = report;
        return row;
    }
}
