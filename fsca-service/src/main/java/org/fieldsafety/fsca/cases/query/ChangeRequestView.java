package org.fieldsafety.fsca.cases.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A change request that change control raised for a case (IEC 62304 8.2) and where it stands, kept from
 * {@code fieldsafety.change-control.v1} by {@code ChangeControlConsumer}. The status is change control's
 * word for it, kept as text so that a status added there shows here without a release of this service.
 */
@Entity
@Table(name = "fsca_change_request_view")
public class ChangeRequestView extends PanacheEntityBase {

    @Id
    public String changeRequestId;

    /** Null until the raising is seen, or for a change request not raised for a case. */
    public String fscaCaseId;

    public String status;
    /** The step that led to the status, e.g. {@code ChangeApproved}. */
    public String milestone;
    /** When that step happened in change control. */
    public Instant updatedAt;

    /** The change requests of these cases, oldest update first. */
    public static Uni<List<ChangeRequestView>> ofCases(List<String> caseIds) {
        return caseIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("fscaCaseId in ?1 order by updatedAt", caseIds);
    }

    /**
     * Records consumed steps in the order given, in one transaction: each change request's view is created
     * by the first step seen of it and follows the later ones ({@link #apply}).
     */
    public static Uni<Void> record(List<ChangeRequestStep> steps) {
        List<String> ids = steps.stream()
                .map(ChangeRequestStep::changeRequestId)
                .distinct()
                .toList();
        return Panache.withTransaction(() -> ChangeRequestView.<ChangeRequestView>list("changeRequestId in ?1", ids)
                .chain(known -> {
                    Map<String, ChangeRequestView> views =
                            known.stream().collect(Collectors.toMap(view -> view.changeRequestId, Function.identity()));
                    List<ChangeRequestView> created = new ArrayList<>();
                    for (ChangeRequestStep step : steps) {
                        ChangeRequestView view = views.get(step.changeRequestId());
                        if (view == null) {
                            view = of(step);
                            views.put(view.changeRequestId, view);
                            created.add(view);
                        } else {
                            view.apply(step);
                        }
                    }
                    return created.isEmpty() ? Uni.createFrom().voidItem() : persist(created);
                }));
    }

    /** The first step seen of a change request. */
    static ChangeRequestView of(ChangeRequestStep step) {
        ChangeRequestView view = new ChangeRequestView();
        view.changeRequestId = step.changeRequestId();
        view.fscaCaseId = step.fscaCaseId();
        view.status = step.status();
        view.milestone = step.milestone();
        view.updatedAt = step.occurredAt();
        return view;
    }

    /**
     * Applies a step idempotently and in any order: a redelivered step changes nothing, and a step older
     * than the stored status only links the case, so the latest status by occurrence wins.
     */
    void apply(ChangeRequestStep step) {
        if (fscaCaseId == null) {
            fscaCaseId = step.fscaCaseId();
        }
        if (!step.occurredAt().isBefore(updatedAt)) {
            status = step.status();
            milestone = step.milestone();
            updatedAt = step.occurredAt();
        }
    }
}
