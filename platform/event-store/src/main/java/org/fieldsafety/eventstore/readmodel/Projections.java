package org.fieldsafety.eventstore.readmodel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How Axon event handlers write Hibernate Reactive read models. The writes of a processor's batch of
 * events (its unit of work) are collected and run in order, in one reactive transaction, when the batch
 * is about to commit its token: one commit per batch instead of one per event, and later events of the
 * batch see what earlier ones wrote, in the same session. Axon's processors are blocking threads, so the
 * transaction runs on a Vert.x context and is awaited. It is not the token's transaction: delivery is at
 * least once, and each write is guarded by the event's sequence number. A failed write throws, so the
 * processor rolls the batch back and retries it rather than skipping an event.
 */
public final class Projections {

    private static final String PENDING_WRITES = Projections.class.getName() + ".pendingWrites";

    private Projections() {}

    /** Creates the view of a new aggregate unless it exists (the first event was redelivered). */
    public static <V extends VersionedView> void insert(Class<V> type, Object id, long sequence, Supplier<V> view) {
        write(session -> session.find(type, id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            V created = view.get();
            created.version = sequence;
            return session.persist(created);
        }));
    }

    /** Applies {@code change} unless the view already reflects this event. */
    public static <V extends VersionedView> void update(Class<V> type, Object id, long sequence, Consumer<V> change) {
        update(type, id, sequence, (session, view) -> {
            change.accept(view);
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Applies {@code change}, which may also write other rows in the session, unless the view already
     * reflects this event: all in the one transaction that moves the view's version, so a redelivered event
     * writes nothing twice.
     */
    public static <V extends VersionedView> void update(
            Class<V> type, Object id, long sequence, BiFunction<Mutiny.Session, V, Uni<Void>> change) {
        write(session -> session.find(type, id).chain(view -> {
            if (view == null) {
                throw new IllegalStateException(type.getSimpleName() + " " + id + " has no view yet");
            }
            if (view.version >= sequence) {
                return Uni.createFrom().voidItem();
            }
            return change.apply(session, view).invoke(() -> view.version = sequence);
        }));
    }

    /** Joins the writes of the current batch; written at once when no unit of work is running. */
    private static void write(Function<Mutiny.Session, Uni<Void>> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            run(List.of(work));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<List<Function<Mutiny.Session, Uni<Void>>>>getOrComputeResource(PENDING_WRITES, key -> {
                    List<Function<Mutiny.Session, Uni<Void>>> writes = new ArrayList<>();
                    batch.onPrepareCommit(committing -> run(writes));
                    return writes;
                })
                .add(work);
    }

    private static void run(List<Function<Mutiny.Session, Uni<Void>>> writes) {
        try {
            VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (Function<Mutiny.Session, Uni<Void>> write : writes) {
                            all = all.chain(() -> write.apply(session));
                        }
                        return all;
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException("Projection write failed", e);
        }
    }
}
