package org.fieldsafety.triage.messaging;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Tells a failure that retrying cannot cure from one that passes. A batch is dead-lettered only for the
 * former: a database or broker that is down, restarting or slow must hold the batch back (Kafka keeps it),
 * never send reports that were acknowledged at intake to the dead letters.
 */
final class Failures {

    /**
     * SQLSTATE classes of a statement the data makes fail: data exception (22), integrity constraint
     * violation (23), syntax error or access rule violation (42). Everything else - connection exceptions
     * (08), operator intervention such as a restart (57), insufficient resources (53) - passes.
     */
    private static final Set<String> PERMANENT_SQL_STATE_CLASSES = Set.of("22", "23", "42");

    private Failures() {}

    /** True when a cause in the chain is a data-dependent database error or a programming error. */
    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg
                    && pg.getSqlState() != null
                    && PERMANENT_SQL_STATE_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
                return true;
            }
            if (cause instanceof NullPointerException
                    || cause instanceof IllegalArgumentException
                    || cause instanceof ClassCastException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
