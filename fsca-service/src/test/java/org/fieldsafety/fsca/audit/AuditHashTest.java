package org.fieldsafety.fsca.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final StoredEvent EVENT = event("{\"caseId\":\"case-1\"}", "{\"who\":\"ra\"}");

    @Test
    void theSameStoredEventAndPredecessorGiveTheSameHash() {
        assertEquals(AuditHash.of(EVENT, null), AuditHash.of(EVENT, null));
        assertEquals(64, AuditHash.of(EVENT, "abc").length());
    }

    @Test
    void changingThePayloadWhoOrPredecessorChangesTheHash() {
        String hash = AuditHash.of(EVENT, null);
        assertNotEquals(hash, AuditHash.of(event("{\"caseId\":\"case-2\"}", "{\"who\":\"ra\"}"), null));
        assertNotEquals(hash, AuditHash.of(event("{\"caseId\":\"case-1\"}", "{\"who\":\"qa\"}"), null));
        assertNotEquals(hash, AuditHash.of(EVENT, hash));
        assertNotEquals(AuditHash.of(EVENT, ""), AuditHash.of(EVENT, null));
    }

    private static StoredEvent event(String payload, String metaData) {
        return new StoredEvent(
                "event-1",
                "case-1",
                0,
                "org.fieldsafety.fsca.cases.FscaCaseEvent$FscaCaseOpened",
                "1",
                "2026-11-23T10:00:00Z",
                payload.getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8));
    }
}
