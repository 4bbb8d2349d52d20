package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditKeys KEYS = AuditKeys.of(Events.KEY, List.of());
    private static final List<StoredEvent> EVENTS = List.of(Events.event(0), Events.event(1), Events.event(2));

    @Test
    void eachLinkChainsToThePreviousOneAndNamesItsKey() {
        List<AuditChain.Link> links = AuditChain.extend(EVENTS, null, KEYS.current());

        assertEquals(null, links.get(0).previousHash());
        assertEquals(links.get(0).hash(), links.get(1).previousHash());
        assertEquals(links.get(1).hash(), links.get(2).previousHash());
        assertTrue(links.stream()
                .allMatch(link -> link.keyId().equals(KEYS.current().id())));
        assertTrue(AuditChain.verify(EVENTS, links, KEYS).verified());
    }

    @Test
    void extendingLinksTheNewEventsToTheLastLink() {
        List<AuditChain.Link> first = AuditChain.extend(EVENTS.subList(0, 2), null, KEYS.current());
        List<AuditChain.Link> links = new ArrayList<>(first);
        links.addAll(AuditChain.extend(EVENTS.subList(2, 3), first.get(1), KEYS.current()));

        assertEquals(AuditChain.extend(EVENTS, null, KEYS.current()), links);
    }

    @Test
    void aChangedEventBreaksItsOwnLinkAndTheChainButNotTheOthers() {
        List<AuditChain.Link> links = AuditChain.extend(EVENTS, null, KEYS.current());
        List<StoredEvent> tampered =
                List.of(EVENTS.get(0), Events.event(1, "{\"step\":99}", "{\"who\":\"ra\"}"), EVENTS.get(2));

        AuditChain.Verification verification = AuditChain.verify(tampered, links, KEYS);
        assertFalse(verification.verified());
        assertEquals(
                List.of(true, false, true),
                verification.events().stream().map(AuditChain.Checked::intact).toList());
    }

    @Test
    void aRemovedEventOrAMissingLinkBreaksTheChain() {
        List<AuditChain.Link> links = AuditChain.extend(EVENTS, null, KEYS.current());

        assertFalse(AuditChain.verify(List.of(EVENTS.get(0), EVENTS.get(2)), links, KEYS)
                .verified());
        assertFalse(AuditChain.verify(EVENTS, links.subList(0, 2), KEYS).verified());
        assertFalse(AuditChain.verify(List.of(), links, KEYS).verified());
    }

    @Test
    void linksRecomputedWithoutTheKeyDoNotVerify() {
        List<AuditChain.Link> forged = new ArrayList<>();
        String previous = null;
        for (StoredEvent event : EVENTS) {
            String hash = AuditHash.unkeyed(event, previous);
            forged.add(new AuditChain.Link(
                    event.sequence(),
                    event.eventId(),
                    hash,
                    previous,
                    KEYS.current().id()));
            previous = hash;
        }
        assertFalse(AuditChain.verify(EVENTS, forged, KEYS).verified());
        assertFalse(AuditChain.verify(EVENTS, AuditChain.extend(EVENTS, null, otherKey()), KEYS)
                .verified());
    }

    /**
     * A rotated key still verifies the links it made while the new key makes the new ones; once it is no
     * longer configured, its links no longer verify.
     */
    @Test
    void afterARotationTheOldKeysLinksStillVerifyAndTheNewKeyMakesTheNewOnes() {
        AuditKeys before = AuditKeys.of(Events.KEY, List.of());
        List<AuditChain.Link> links = new ArrayList<>(AuditChain.extend(EVENTS.subList(0, 2), null, before.current()));

        AuditKeys rotated = AuditKeys.of(Events.OTHER_KEY, List.of(Events.KEY));
        links.addAll(AuditChain.extend(EVENTS.subList(2, 3), links.get(1), rotated.current()));

        assertEquals(before.current().id(), links.get(1).keyId());
        assertEquals(rotated.current().id(), links.get(2).keyId());
        assertTrue(AuditChain.verify(EVENTS, links, rotated).verified());
        AuditChain.Verification withoutTheOldKey =
                AuditChain.verify(EVENTS, links, AuditKeys.of(Events.OTHER_KEY, List.of()));
        assertFalse(withoutTheOldKey.verified());
        assertEquals(
                List.of(false, false, true),
                withoutTheOldKey.events().stream()
                        .map(AuditChain.Checked::intact)
                        .toList());
    }

    @Test
    void theUpgradeChecksTheUnkeyedLinksOfBefore() {
        List<AuditChain.Link> unkeyed = new ArrayList<>();
        String previous = null;
        for (StoredEvent event : EVENTS) {
            String hash = AuditHash.unkeyed(event, previous);
            unkeyed.add(new AuditChain.Link(event.sequence(), event.eventId(), hash, previous, null));
            previous = hash;
        }
        assertTrue(AuditChain.verifyUnkeyed(EVENTS, unkeyed).verified());
        assertFalse(AuditChain.verify(EVENTS, unkeyed, KEYS).verified(), "an unkeyed link never verifies later");
        assertFalse(
                AuditChain.verifyUnkeyed(List.of(EVENTS.get(0), EVENTS.get(1), Events.event(2, "{}", "{}")), unkeyed)
                        .verified());
    }

    @Test
    void aKeyTooShortToResistGuessingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditKeys.of("short", List.of()));
        assertThrows(IllegalArgumentException.class, () -> AuditKeys.of(Events.KEY, List.of("short")));
        assertEquals(16, KEYS.current().id().length());
        assertFalse(KEYS.current().id().contains(Events.KEY.substring(0, 8)));
    }

    private static AuditKeys.Key otherKey() {
        return AuditKeys.of(Events.OTHER_KEY, List.of()).current();
    }
}
