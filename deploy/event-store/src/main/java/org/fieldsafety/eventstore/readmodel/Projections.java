package org.fieldsafety.eventstore.readmodel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How Axon event handlers write Hibernate Reactive read models. Axon's processors are blocking threads,
 * so each write runs on a Vert.x context and is awaited. The write is not in the token's transaction:
 * delivery is at least once, and each write is guarded by the event's sequence number. A failed write
 * throws, so the processor retries the event rather than skipping it.
 */
public final class Projections {

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

    private static void write(Function<Mutiny.Session, Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> Panache.getSession().chain(work::apply)));
        } catch (Throwable e) {
            throw new IllegalStateException("Projection write failed", e);
        }
    }
}
