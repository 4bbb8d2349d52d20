package org.fieldsafety.triage;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.StaleVersion;
import org.fieldsafety.platform.web.IfMatch;

/**
 * Versioned data (the product registry, the risk policy) is changed by inserting the next version: a
 * request may name the version it read ({@code If-Match}), refused as stale when that is no longer the
 * current one, and two concurrent changes that compute the same next version collide on the key: the
 * loser is refused as a concurrent change.
 */
public final class OptimisticLocking {

    private static final String UNIQUE_VIOLATION = "23505";

    private OptimisticLocking() {}

    /**
     * {@link StaleVersion} unless {@code ifMatch} (null: no precondition; {@code *}: any existing version; else the version,
     * as {@link IfMatch} reads it) names {@code current} (null when nothing exists yet).
     */
    public static void checkIfMatch(String ifMatch, Integer current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        Long expected = IfMatch.version(ifMatch);
        boolean matches = current != null && (expected == null || expected == current.longValue());
        if (!matches) {
            throw new StaleVersion(what, current, ifMatch.strip());
        }
    }

    /** The insert of a next version, a key collision with a concurrent change turned into {@link ConcurrentChange}. */
    public static <T> Uni<T> conflictOnDuplicate(Uni<T> insert, String what) {
        return insert.onFailure(OptimisticLocking::isUniqueViolation).transform(failure -> new ConcurrentChange(what));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind()
                            == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
        }
        return false;
    }
}
