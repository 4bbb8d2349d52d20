package org.fieldsafety.infra;

final class Waits {

    private Waits() {}

    /** The polling step while a server starts. */
    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server to start", e);
        }
    }
}
