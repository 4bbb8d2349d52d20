package org.fieldsafety.triage.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fieldsafety.triage.OptimisticLocking;
import org.fieldsafety.triage.classification.RiskMatrix;
import org.fieldsafety.triage.classification.RiskRegion;
import org.fieldsafety.triage.policy.query.RiskPolicyView;

/**
 * The versioned ISO 14971 risk policy in PostgreSQL (version 1 is the default matrix, seeded by the
 * schema), the current one cached in memory and reloaded when a higher version appears. {@link #current}
 * runs in the caller's session.
 */
@ApplicationScoped
public class RiskPolicies {

    private final AtomicReference<RiskMatrix> cached = new AtomicReference<>(RiskMatrix.DEFAULT);
    private final Clock clock;

    RiskPolicies(Clock clock) {
        this.clock = clock;
    }

    /** The current matrix. */
    public Uni<RiskMatrix> current() {
        return latestVersion()
                .chain(version -> version == cached.get().version()
                        ? Uni.createFrom().item(cached.get())
                        : RiskPolicyEntity.<RiskPolicyEntity>findById(version).map(row -> {
                            RiskMatrix matrix = new RiskMatrix(row.version, row.matrix.regions());
                            cached.set(matrix);
                            return matrix;
                        }));
    }

    @WithSession
    public Uni<RiskPolicyView> find() {
        return latestVersion()
                .chain(version -> RiskPolicyEntity.<RiskPolicyEntity>findById(version))
                .map(this::view);
    }

    /**
     * Stores the matrix as the next version; 412 when {@code ifMatch} does not name the current version, 409
     * when a concurrent change took the version first.
     */
    @WithTransaction
    public Uni<RiskPolicyView> change(List<List<RiskRegion>> regions, String changedBy, String ifMatch) {
        return latestVersion().chain(latest -> {
            OptimisticLocking.checkIfMatch(ifMatch, latest, "The risk policy");
            RiskPolicyEntity row = new RiskPolicyEntity();
            row.version = new RiskMatrix(latest + 1, regions).version();
            row.matrix = new RiskPolicyEntity.Matrix(regions);
            row.changedBy = changedBy;
            row.changedAt = clock.instant();
            return OptimisticLocking.conflictOnDuplicate(row.<RiskPolicyEntity>persistAndFlush(), "The risk policy")
                    .map(this::view);
        });
    }

    private Uni<Integer> latestVersion() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select max(p.version) from RiskPolicyEntity p", Integer.class)
                .getSingleResult());
    }

    private RiskPolicyView view(RiskPolicyEntity row) {
        return new RiskPolicyView(row.version, row.matrix.regions(), row.changedBy, row.changedAt);
    }
}
