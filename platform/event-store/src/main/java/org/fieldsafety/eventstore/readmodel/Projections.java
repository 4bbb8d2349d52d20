package org.fieldsafety.eventstore.readmodel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fieldsafety.eventstore.processing.AtBatchCommit;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How Axon event handlers write Hibernate Reactive read models. The writes of a processor's batch of
 * events (its unit of work) are collected and run in order, in one reactive transaction, when the batch
 * is about to commit its token: one commit per batch instead of one per event, and later events of the
 * batch see what earlier ones wrote, in the same session. The transaction first loads the views the batch
 * touches, one query per view type, so a batch costs a few round trips instead of one or two per event
 * (where a service batches statements, the inserts and updates leave together too; fsca's cannot, decision
 * 0028). Axon's processors are blocking threads, so the transaction runs on a Vert.x context and is awaited.
 * It is not the token's transaction: delivery is at least once, and each write is guarded by the event's
 * sequence number.
 *
 * <p>A batch's writes that fail for good are written again one event at a time, so the event whose writes
 * fail is parked alone ({@link AtBatchCommit}). Outside a processor's batch (a parked event replayed, a
 * test) writes run at once.
 */
public final class Projections {

    /** The writes of a processor's batch, run together when it commits. */
    private static final AtBatchCommit<Write> WRITES =
            new AtBatchCommit<>(Projections.class.getName(), Projections::run);

    /** The ids of one view type that one query looks up: a processor's batch of events at most. */
    private static final int LOOKUP = 100;

    /** The lookup's ids as positional parameters: {@code (?1, ?2, ..., ?100)}. */
    private static final String LOOKUP_PARAMETERS =
            IntStream.rangeClosed(1, LOOKUP).mapToObj(i -> "?" + i).collect(Collectors.joining(", ", "(", ")"));

    private Projections() {}

    /** Creates the view of a new aggregate unless it exists (the first event was redelivered). */
    public static <V extends VersionedView> void insert(Class<V> type, Object id, long sequence, Supplier<V> view) {
        WRITES.add(new Write(type, id, (session, present) -> {
            if (!present.add(id)) {
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
        WRITES.add(
                new Write(type, id, (session, present) -> session.find(type, id).chain(view -> {
                    if (view == null) {
                        throw new IllegalStateException(type.getSimpleName() + " " + id + " has no view yet");
                    }
                    if (view.version >= sequence) {
                        return Uni.createFrom().voidItem();
                    }
                    return change.apply(session, view).invoke(() -> view.version = sequence);
                })));
    }

    private static void run(List<Write> writes) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> load(session, writes).chain(present -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (Write write : writes) {
                            all = all.chain(() -> write.work().apply(session, present.get(write.type())));
                        }
                        return all;
                    }))));
        } catch (Throwable e) {
            throw new IllegalStateException("Projection write failed", e);
        }
    }

    /**
     * Loads the views the writes touch into the session, one query per view type and {@link #LOOKUP} ids,
     * and gives the ids of those that exist by type: the writes then find their views without a round trip
     * each. Every query binds exactly {@link #LOOKUP} ids (repeating one to fill up), each as a parameter of
     * its own: Hibernate Reactive 3.2 was seen to fail on a list parameter whose size changed between
     * executions of one query, and Hibernate translates a query with a list parameter to SQL again at every
     * execution, where it keeps the translation of one with single parameters.
     */
    private static Uni<Map<Class<?>, Set<Object>>> load(Mutiny.Session session, List<Write> writes) {
        Map<Class<?>, Set<Object>> wanted = new LinkedHashMap<>();
        for (Write write : writes) {
            wanted.computeIfAbsent(write.type(), type -> new LinkedHashSet<>()).add(write.id());
        }
        Map<Class<?>, Set<Object>> present = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Map.Entry<Class<?>, Set<Object>> type : wanted.entrySet()) {
            Set<Object> found = present.computeIfAbsent(type.getKey(), key -> new HashSet<>());
            String query = "select id(v), v from "
                    + session.getFactory().getMetamodel().entity(type.getKey()).getName() + " v where id(v) in "
                    + LOOKUP_PARAMETERS;
            List<Object> ids = new ArrayList<>(type.getValue());
            for (int from = 0; from < ids.size(); from += LOOKUP) {
                List<Object> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + LOOKUP)));
                while (chunk.size() < LOOKUP) {
                    chunk.add(chunk.get(0));
                }
                all = all.chain(() -> {
                    Mutiny.SelectionQuery<Object[]> select = session.createSelectionQuery(query, Object[].class);
                    for (int i = 0; i < LOOKUP; i++) {
                        select.setParameter(i + 1, chunk.get(i));
                    }
                    return select.getResultList()
                            .invoke(rows -> rows.forEach(row -> found.add(row[0])))
                            .replaceWithVoid();
                });
            }
        }
        return all.replaceWith(present);
    }

    /** One event's write to the view {@code id} of {@code type}, given the ids of the type's views that exist. */
    private record Write(
            Class<? extends VersionedView> type, Object id, BiFunction<Mutiny.Session, Set<Object>, Uni<Void>> work) {}
}
