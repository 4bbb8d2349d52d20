package org.fieldsafety.platform.messaging;

/**
 * A consumed record that no retry can make processable: it cannot be read as the event its type names,
 * or it lacks what its consumer needs. {@link BatchConsumer} sends it alone to the dead letters, with the
 * message as the reason.
 */
public class Unprocessable extends RuntimeException {

    public Unprocessable(String reason) {
        super(reason);
    }
}
