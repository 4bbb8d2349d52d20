package org.fieldsafety.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A blocking wait for something another thread or service brings about, bounded in time. */
public final class Waiting {

    private Waiting() {}

    /**
     * Asks {@code done} every {@code pause} until it answers true or {@code patience} has passed; whether it
     * answered true. An interrupt ends the wait (false), with the thread's interrupt flag set again.
     */
    public static boolean until(BooleanSupplier done, Duration patience, Duration pause) {
        Instant deadline = Instant.now().plus(patience);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
