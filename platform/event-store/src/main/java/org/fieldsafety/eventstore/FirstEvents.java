package org.fieldsafety.eventstore;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The one way to read an aggregate's first event (its opening, which names what later events leave out: the
 * product, the problem): from the event store the first time, then from memory, for the {@value #REMEMBERED}
 * aggregates asked about last. A stored event never changes, so what is remembered never goes stale. The
 * event handlers that ask for it handle committed events, so the first event they ask for is committed too.
 *
 * <p>Reading it from the store each time fetched a page of up to 100 of the aggregate's events for the one it
 * needed: under load fsca read 171,000 stored events in 34 s this way, for about 2,000 incidents, and it was
 * its database's most expensive statement.
 */
@Singleton
public class FirstEvents {

    static final int REMEMBERED = 10_000;

    private final Supplier<EventStore> eventStore;

    /** In the order last asked for, the eldest forgotten beyond {@value #REMEMBERED}. */
    private final Map<String, Object> remembered = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Looked up when used: the event store is built with the handlers that use this. */
    @Inject
    FirstEvents(Instance<EventStore> eventStore) {
        this((Supplier<EventStore>) eventStore::get);
    }

    FirstEvents(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** The payload of the first event stored of {@code aggregateId}. */
    public Object of(String aggregateId) {
        synchronized (remembered) {
            Object known = remembered.get(aggregateId);
            if (known != null) {
                return known;
            }
        }
        Object first = eventStore.get().readEvents(aggregateId).next().getPayload();
        synchronized (remembered) {
            remembered.put(aggregateId, first);
        }
        return first;
    }
}
