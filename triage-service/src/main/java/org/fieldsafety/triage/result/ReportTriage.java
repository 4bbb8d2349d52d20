package org.fieldsafety.triage.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
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
import org.fieldsafety.triage.registry.ProductRegistry;

/**
 * Triages a batch of reports in one transaction: reports already triaged keep their stored result, the
 * others are classified against the current registry and risk policy and stored. Returns the result of
 * every distinct report of the batch, in order, so the caller publishes stored and new results alike.
 */
@ApplicationScoped
public class ReportTriage {

    private final ProductRegistry registry;
    private final RiskPolicies policies;
    private final FdaReportability fda;
    private final ObjectMapper json;
    private final Clock clock;

    ReportTriage(
            ProductRegistry registry, RiskPolicies policies, FdaReportability fda, ObjectMapper json, Clock clock) {
        this.registry = registry;
        this.policies = policies;
        this.fda = fda;
        this.json = json;
        this.clock = clock;
    }

    public Uni<List<TriageView>> triage(List<FieldReportReceived> reports) {
        Map<String, FieldReportReceived> byId = new LinkedHashMap<>();
        reports.forEach(report -> byId.putIfAbsent(report.reportId(), report));
        return Panache.withTransaction(() -> TriageResultEntity.<TriageResultEntity>list(
                        "reportId in ?1", List.copyOf(byId.keySet()))
                .chain(stored -> {
                    Map<String, TriageView> views = new LinkedHashMap<>();
                    stored.forEach(row -> views.put(row.reportId, read(row.view)));
                    List<FieldReportReceived> fresh = byId.values().stream()
                            .filter(report -> !views.containsKey(report.reportId()))
                            .toList();
                    Uni<Void> stores = fresh.isEmpty() ? Uni.createFrom().voidItem() : classify(fresh, views);
                    return stores.map(
                            ignored -> byId.keySet().stream().map(views::get).toList());
                }));
    }

    private Uni<Void> classify(List<FieldReportReceived> fresh, Map<String, TriageView> views) {
        List<String> productIds =
                fresh.stream().map(FieldReportReceived::productId).distinct().toList();
        return registry.current(productIds)
                .chain(products -> policies.current().chain(policy -> store(fresh, products, policy, views)));
    }

    private Uni<Void> store(
            List<FieldReportReceived> fresh,
            Map<String, RegisteredProduct> products,
            RiskMatrix policy,
            Map<String, TriageView> views) {
        Instant now = clock.instant();
        List<TriageResultEntity> rows = new ArrayList<>(fresh.size());
        for (FieldReportReceived report : fresh) {
            TriageView view =
                    TriageView.of(Classification.of(report, products.get(report.productId()), policy, fda, now));
            views.put(view.reportId(), view);
            rows.add(row(view));
        }
        return TriageResultEntity.persist(rows);
    }

    private TriageResultEntity row(TriageView view) {
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
        try {
            row.view = json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return row;
    }

    private TriageView read(String view) {
        try {
            return json.readValue(view, TriageView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
