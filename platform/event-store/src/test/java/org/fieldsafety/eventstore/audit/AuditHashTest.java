package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final AuditKeys.Key KEY = AuditKeys.of(Events.KEY, List.of()).current();
    private static final AuditKeys.Key OTHER_KEY =
            AuditKeys.of(Events.OTHER_KEY, List.of()).current();
    private static final StoredEvent EVENT = Events.event(0, "{\"caseId\":\"case-1\"}", "{\"who\":\"ra\"}");

    @Test
    void theSameStoredEventPredecessorAndKeyGiveTheSameHash() {
        assertEquals(AuditHash.keyed(EVENT, null, KEY), AuditHash.keyed(EVENT, null, KEY));
        assertEquals(64, AuditHash.keyed(EVENT, "abc", KEY).length());
    }

    @Test
    void changingThePayloadWhoPredecessorOrKeyChangesTheHash() {
        String hash = AuditHash.keyed(EVENT, null, KEY);
        assertNotEquals(
                hash, AuditHash.keyed(Events.event(0, "{\"caseId\":\"case-2\"}", "{\"who\":\"ra\"}"), null, KEY));
        assertNotEquals(
                hash, AuditHash.keyed(Events.event(0, "{\"caseId\":\"case-1\"}", "{\"who\":\"qa\"}"), null, KEY));
        assertNotEquals(hash, AuditHash.keyed(EVENT, hash, KEY));
        assertNotEquals(AuditHash.keyed(EVENT, "", KEY), AuditHash.keyed(EVENT, null, KEY));
        assertNotEquals(hash, AuditHash.keyed(EVENT, null, OTHER_KEY));
    }

    @Test
    void withoutAKeyTheLinkIsTheSha256OfTheSameInputAnyoneCanRecompute() {
        assertEquals(AuditHash.unkeyed(EVENT, null), AuditHash.unkeyed(EVENT, null));
        assertNotEquals(AuditHash.unkeyed(EVENT, null), AuditHash.keyed(EVENT, null, KEY));
    }
}
