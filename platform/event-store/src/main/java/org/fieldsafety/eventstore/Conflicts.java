package org.fieldsafety.eventstore;

import java.util.function.Supplier;
import org.axonframework.common.AxonTransientException;

/**
 * Runs a command again when it lost a race: two commands on the same aggregate at the same moment (say a
 * user's step in the API and an event from Kafka) append the same sequence number, and the one that
 * commits second fails with Axon's {@link AxonTransientException} (a concurrency conflict). Sent again,
 * it loads the aggregate with the winner's events and decides on that state. A consumer that let the
 * conflict escape would dead-letter a message that is perfectly good.
 */
public final class Conflicts {

    /** Attempts in all; each conflict means another command on the aggregate just succeeded. */
    static final int ATTEMPTS = 5;

    private Conflicts() {}

    /** {@code command}'s result, sent again after each conflict up to {@value #ATTEMPTS} attempts in all. */
    public static <R> R retry(Supplier<R> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** Sends {@code command} as {@link #retry(Supplier)} does, for commands without a result. */
    public static void retry(Runnable command) {
        retry(() -> {
            command.run();
            return null;
        });
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }
}
