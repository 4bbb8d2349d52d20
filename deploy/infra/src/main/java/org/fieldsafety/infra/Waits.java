package org.fieldsafety.infra;

/** The one polling step of everything here that waits for a server. */
public final class Waits {

    private Waits() {}

    /** Waits one polling step (100 ms) before asking a starting server again. */
    public static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server", e);
        }
    }
}
