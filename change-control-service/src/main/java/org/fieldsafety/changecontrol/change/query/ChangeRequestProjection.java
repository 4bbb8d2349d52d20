package org.fieldsafety.changecontrol.change.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;

/**
 * Keeps {@link ChangeRequestView} from the change request events. Delivery is at least once and the
 * write is not in the token's transaction, so each write is guarded by the event's sequence number.
 */
@Singleton
@ProcessingGroup(ChangeRequestProjection.PROCESSING_GROUP)
public class ChangeRequestProjection {

    public static final String PROCESSING_GROUP = "change-request-view";

    @EventHandler
    void on(ChangeRequestRaised event, @SequenceNumber long sequence) {
        run(() -> ChangeRequestView.<ChangeRequestView>findById(event.changeRequestId())
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    ChangeRequestView view = new ChangeRequestView();
                    view.id = event.changeRequestId();
                    view.title = event.title();
                    view.reason = event.reason();
                    view.productId = event.productId();
                    view.problemReportId = event.problemReportId();
                    view.problemId = event.problemId();
                    view.fscaCaseId = event.fscaCaseId();
                    view.status = ChangeRequestStatus.RAISED;
                    view.requestedBy = event.requestedBy();
                    view.raisedAt = event.raisedAt();
                    view.version = sequence;
                    view.details = new ChangeRequestView.Details(event.softwareItems(), null, null, null);
                    return view.persist().replaceWithVoid();
                }));
    }

    @EventHandler
    void on(ImpactAnalysed event, @SequenceNumber long sequence) {
        update(event.changeRequestId(), sequence, view -> view.analysed(event.analysis()));
    }

    @EventHandler
    void on(ChangeApproved event, @SequenceNumber long sequence) {
        update(
                event.changeRequestId(),
                sequence,
                view -> view.approved(new ChangeRequestView.Approval(event.signature(), event.signedVersion())));
    }

    @EventHandler
    void on(ChangeImplemented event, @SequenceNumber long sequence) {
        update(event.changeRequestId(), sequence, view -> view.implemented(event.implementation()));
    }

    private static void update(String id, long sequence, Consumer<ChangeRequestView> change) {
        run(() -> ChangeRequestView.<ChangeRequestView>findById(id)
                .invoke(view -> {
                    if (view.version < sequence) {
                        change.accept(view);
                        view.version = sequence;
                    }
                })
                .replaceWithVoid());
    }

    private static void run(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            throw new IllegalStateException("Projection write failed", e);
        }
    }
}
