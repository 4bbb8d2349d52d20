package org.fieldsafety.eventstore.audit;

import java.nio.charset.StandardCharsets;

/** Stored events and keys for the audit chain's tests. */
final class Events {

    static final String KEY = "the-first-audit-chain-key-of-the-tests";
    static final String OTHER_KEY = "the-second-audit-chain-key-of-the-tests";

    private Events() {}

    static StoredEvent event(long sequence, String payload, String metaData) {
        return new StoredEvent(
                "event-" + sequence,
                "case-1",
                sequence,
                "org.fieldsafety.fsca.cases.FscaCaseEvent$FscaCaseOpened",
                "1",
                "2026-11-23T10:00:0" + sequence + "Z",
                payload.getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8));
    }

    static StoredEvent event(long sequence) {
        return event(sequence, "{\"step\":" + sequence + "}", "{\"who\":\"ra\"}");
    }
}
