package org.fieldsafety.eventstore.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash chain over one aggregate's stored events (21 CFR 11.10(e)), as pure functions: the links that
 * new events get, and which recorded links the events as stored still produce. A link is intact when it
 * names its event, names the previous link as its predecessor, was made with a configured key ({@link
 * AuditKeys}) and is that key's {@link AuditHash} of the event as stored; the chain is verified when every
 * event has an intact link and no link is left over. So a changed, removed or inserted event shows exactly
 * where it happened, and a link without a known key counts as broken.
 */
public final class AuditChain {

    private AuditChain() {}

    /** A recorded link: the event's sequence and id, its hash and predecessor, and the key that made it. */
    public record Link(long sequence, String eventId, String hash, String previousHash, String keyId) {}

    /** An event with whether its recorded link ({@code null} when it has none) is intact. */
    public record Checked(StoredEvent event, Link link, boolean intact) {}

    /** Whether the chain holds, and each event checked, in order. */
    public record Verification(boolean verified, List<Checked> events) {}

    /** The links of {@code events} (the aggregate's newest, in order) after {@code last} (null: the first). */
    public static List<Link> extend(List<StoredEvent> events, Link last, AuditKeys.Key key) {
        List<Link> links = new ArrayList<>();
        String previous = last == null ? null : last.hash();
        for (StoredEvent event : events) {
            Link link = new Link(
                    event.sequence(), event.eventId(), AuditHash.keyed(event, previous, key), previous, key.id());
            links.add(link);
            previous = link.hash();
        }
        return links;
    }

    /** Every event of an aggregate, in order, against the links recorded for it. */
    public static Verification verify(List<StoredEvent> events, List<Link> recorded, AuditKeys keys) {
        return verify(events, recorded, (event, link) -> keys.byId(link.keyId())
                .map(key -> AuditHash.keyed(event, link.previousHash(), key)));
    }

    /** The same for links made before there were keys: the upgrade that keys them checks them first. */
    static Verification verifyUnkeyed(List<StoredEvent> events, List<Link> recorded) {
        return verify(
                events,
                recorded,
                (event, link) -> link.keyId() == null
                        ? Optional.of(AuditHash.unkeyed(event, link.previousHash()))
                        : Optional.empty());
    }

    private interface Rehash {
        /** The hash the link's own method gives the event; empty when it cannot be recomputed. */
        Optional<String> of(StoredEvent event, Link link);
    }

    private static Verification verify(List<StoredEvent> events, List<Link> recorded, Rehash rehash) {
        Map<Long, Link> links = new HashMap<>();
        recorded.forEach(link -> links.put(link.sequence(), link));
        List<Checked> checked = new ArrayList<>();
        String previous = null;
        for (StoredEvent event : events) {
            Link link = links.get(event.sequence());
            boolean intact = link != null
                    && link.eventId().equals(event.eventId())
                    && Objects.equals(link.previousHash(), previous)
                    && rehash.of(event, link).filter(link.hash()::equals).isPresent();
            checked.add(new Checked(event, link, intact));
            previous = link == null ? null : link.hash();
        }
        boolean verified = recorded.size() == events.size() && checked.stream().allMatch(Checked::intact);
        return new Verification(verified, checked);
    }
}
