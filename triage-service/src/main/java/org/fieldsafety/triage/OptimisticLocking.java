package org.fieldsafety.triage;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.fieldsafety.platform.ProblemException;

/**
 * Versioned data (the product registry, the risk policy) is changed by inserting the next version: a
 * request may name the version it read ({@code If-Match}), 412 when that is no longer the current one, and
 * two concurrent changes that compute the same next version collide on the key: the loser gets 409.
 */
public final class OptimisticLocking {

    private static final String UNIQUE_VIOLATION = "23505";

    private OptimisticLocking() {}

    /**
     * 412 unless {@code ifMatch} (null: no precondition; {@code *}: any existing version; else the version,
     * quoted or not, weak or not) names {@code current} (null when nothing exists yet).
     */
    public static void checkIfMatch(String ifMatch, Integer current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String expected = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        boolean matches = current != null && (expected.equals("*") || expected.equals(current.toString()));
        if (!matches) {
            throw new ProblemException(
                    412,
                    "stale-version",
                    what + " is at version " + (current == null ? "none" : current) + ", not " + ifMatch.strip()
                            + "; read it again");
        }
    }

    /** The insert of a next version, a key collision with a concurrent change turned into 409. */
    public static <T> Uni<T> conflictOnDuplicate(Uni<T> insert, String what) {
        return insert.onFailure(OptimisticLocking::isUniqueViolation)
                .transform(failure -> ProblemException.ruleViolated(
                        "concurrent-change", what + " was changed concurrently; read it again and retry"));
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
