package org.fieldsafety.triage.whatif;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.triage.classification.Classification;
import org.fieldsafety.triage.classification.RegisteredProduct;
import org.fieldsafety.triage.classification.Reportability;
import org.fieldsafety.triage.classification.RiskMatrix;
import org.fieldsafety.triage.policy.RiskPolicies;
import org.fieldsafety.triage.registry.ProductRegistry;
import org.fieldsafety.triage.result.ReportTriage;
import org.fieldsafety.triage.result.TriageView;

/**
 * Replays the classification of a product's stored reports under the current and a proposed policy or
 * registry entry (ISO 14971: the policy is versioned data whose decisions can be replayed) and answers
 * the decisions that would change. Reads only.
 */
@ApplicationScoped
public class WhatIfAnalysis {

    private final ProductRegistry registry;
    private final RiskPolicies policies;
    private final Reportability reportability;
    private final ReportTriage triage;

    WhatIfAnalysis(ProductRegistry registry, RiskPolicies policies, Reportability reportability, ReportTriage triage) {
        this.registry = registry;
        this.policies = policies;
        this.reportability = reportability;
        this.triage = triage;
    }

    @WithSession
    public Uni<WhatIfView> analyse(WhatIfRequest request) {
        if (request.policy() == null && request.product() == null) {
            throw new InvalidInput("nothing-proposed", "Propose a policy, a product entry or both");
        }
        String productId = request.productId();
        return registry.current(List.of(productId))
                .chain(products -> policies.current().chain(policy -> triage.stored(productId, request.limitOrDefault())
                        .map(stored -> compare(request, products.get(productId), policy, stored))));
    }

    private WhatIfView compare(
            WhatIfRequest request, RegisteredProduct product, RiskMatrix policy, List<ReportTriage.Stored> rows) {
        RiskMatrix proposedPolicy = request.policy() == null
                ? policy
                : new RiskMatrix(policy.version() + 1, request.policy().matrix());
        RegisteredProduct proposedProduct = request.product() == null
                ? product
                : new RegisteredProduct(
                        request.productId(), product == null ? 1 : product.version() + 1, request.product());
        List<WhatIfView.Change> changes = new ArrayList<>();
        for (ReportTriage.Stored row : rows) {
            WhatIfView.Decision before = decide(row.report(), row.view(), product, policy);
            WhatIfView.Decision after = decide(row.report(), row.view(), proposedProduct, proposedPolicy);
            if (!before.equals(after)) {
                changes.add(new WhatIfView.Change(row.reportId(), before, after));
            }
        }
        return new WhatIfView(
                request.productId(),
                rows.size(),
                policy.version(),
                product == null ? null : product.version(),
                changes);
    }

    /**
     * The decision on a stored report, at its triage time, with its trend state and its link to the report it
     * follows up, under a product and policy.
     */
    private WhatIfView.Decision decide(
            FieldReportReceived report, TriageView stored, RegisteredProduct product, RiskMatrix policy) {
        Classification.Original original =
                stored.newEvent() ? null : new Classification.Original(stored.originalReportId(), stored.problemId());
        TriageView view =
                TriageView.of(Classification.of(report, product, policy, reportability, stored.triagedAt(), original));
        return WhatIfView.Decision.of(stored.trendSignal() ? view.withTrendSignal() : view);
    }
}
