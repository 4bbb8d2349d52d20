package org.fieldsafety.fsca.cases.query;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;

/**
 * Keeps {@link FscaCaseView} from the case events. Delivery is at least once and the write is not in
 * the token's transaction, so each write is guarded by the event's sequence number.
 */
@Singleton
@ProcessingGroup(FscaCaseProjection.PROCESSING_GROUP)
public class FscaCaseProjection {

    public static final String PROCESSING_GROUP = "fsca-case-view";

    @EventHandler
    void on(FscaCaseOpened event, @SequenceNumber long sequence) {
        run(() -> FscaCaseView.<FscaCaseView>findById(event.caseId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            FscaCaseView view = new FscaCaseView();
            view.caseId = event.caseId();
            view.problemId = event.problemId();
            view.productId = event.productId();
            view.status = CaseStatus.OPEN;
            view.openedAt = event.openedAt();
            view.version = sequence;
            return view.persist().replaceWithVoid();
        }));
    }

    @EventHandler
    void on(IncidentAttached event, @SequenceNumber long sequence) {
        update(event.caseId(), sequence, view -> view.attach(event.incident()));
    }

    @EventHandler
    void on(FscaDecided event, @SequenceNumber long sequence) {
        update(
                event.caseId(),
                sequence,
                view -> view.decide(new FscaCaseView.Decision(
                        event.decision(),
                        event.action(),
                        event.rationale(),
                        event.signature(),
                        event.signedVersion())));
    }

    private static void update(String caseId, long sequence, Consumer<FscaCaseView> change) {
        run(() -> FscaCaseView.<FscaCaseView>findById(caseId)
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
