package org.fieldsafety.eventstore.readmodel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * A read of the read models that takes more than one statement (a case's row, then its incidents) and must
 * not mix two states of them. Under PostgreSQL's read committed each statement sees what was committed when
 * it began, so a projection's batch committing between two statements shows in the second and not the
 * first: a case listed with an incident whose clock its own row does not count yet. The reads here run in
 * one read-only transaction at repeatable read, where every statement sees the database as the first one
 * did.
 */
public final class Snapshot {

    private Snapshot() {}

    /**
     * Runs {@code reads} in one snapshot of the database, in the current session (a {@code @WithSession}
     * method's). Inside a transaction already begun, they join it: its isolation can no longer be set.
     */
    public static <T> Uni<T> read(Supplier<Uni<T>> reads) {
        return Panache.getSession().chain(session -> {
            if (session.currentTransaction() != null) {
                return reads.get();
            }
            return session.withTransaction(transaction -> session.createNativeQuery(
                            "set transaction isolation level repeatable read, read only")
                    .executeUpdate()
                    .chain(reads::get));
        });
    }
}
