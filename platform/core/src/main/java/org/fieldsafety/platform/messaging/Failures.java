package org.fieldsafety.platform.messaging;

import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.util.Set;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.RateLimited;
import org.fieldsafety.platform.domain.Unavailable;

/**
 * Tells a failure that retrying cannot cure from one that passes, by the type of the failure and its
 * causes, for {@link BatchConsumer} and for the event store's projections (which park an event only for the
 * former). A record is dead-lettered only for the former: a database or broker that is down, restarting
 * or slow must hold the batch back (Kafka keeps it), never send reports that were acknowledged at intake
 * to the dead letters. Database errors are read from the reactive client and from JDBC alike; a failure
 * of unknown type passes.
 */
public final class Failures {

    /**
     * SQLSTATE classes of a statement the data makes fail: data exception (22), integrity constraint
     * violation (23), syntax error or access rule violation (42). Everything else - connection exceptions
     * (08), operator intervention such as a restart (57), insufficient resources (53) - passes.
     */
    private static final Set<String> PERMANENT_SQL_STATE_CLASSES = Set.of("22", "23", "42");

    private Failures() {}

    /**
     * True when a cause in the chain is a data-dependent database error, a programming error, a record that
     * cannot be processed, or a {@link DomainException} other than {@link Unavailable} and {@link
     * RateLimited}: a rule the data broke, which it will break again.
     */
    public static boolean permanent(Throwable failure) {
        return permanentCause(failure) != null;
    }

    /**
     * What a dead letter gives as its reason: the message of the cause that makes the failure permanent, or
     * the failure itself.
     */
    public static String reason(Throwable failure) {
        Throwable named = namedCause(failure);
        return named.getMessage() == null ? named.toString() : named.getMessage();
    }

    /** The cause that makes the failure permanent, or the failure itself: what a dead letter names. */
    public static Throwable namedCause(Throwable failure) {
        Throwable cause = permanentCause(failure);
        return cause == null ? failure : cause;
    }

    private static Throwable permanentCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (permanentSqlState(cause instanceof DatabaseException reactive ? reactive.getSqlState() : null)
                    || permanentSqlState(cause instanceof SQLException jdbc ? jdbc.getSQLState() : null)) {
                return cause;
            }
            if (cause instanceof NullPointerException
                    || cause instanceof IllegalArgumentException
                    || cause instanceof ClassCastException
                    || cause instanceof Unprocessable
                    || cause instanceof DomainException
                            && !(cause instanceof Unavailable || cause instanceof RateLimited)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean permanentSqlState(String sqlState) {
        return sqlState != null
                && sqlState.length() >= 2
                && PERMANENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2));
    }
}
