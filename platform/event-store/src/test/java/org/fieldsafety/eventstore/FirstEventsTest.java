package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FirstEventsTest {

    private final CountingStorage storage = new CountingStorage();
    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(storage).build();
    private final FirstEvents firstEvents = new FirstEvents(() -> store);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anAggregatesFirstEventIsReadFromTheStoreOnce() {
        store(event("case-1", 0, "opened"), event("case-1", 1, "incident attached"));

        assertEquals("opened", firstEvents.of("case-1"));
        assertEquals("opened", firstEvents.of("case-1"));
        assertEquals(1, storage.reads);
    }

    @Test
    void theAggregateAskedAboutLeastRecentlyIsForgottenBeyondTheBound() {
        IntStream.rangeClosed(0, FirstEvents.REMEMBERED).forEach(i -> store(event("case-" + i, 0, "opened " + i)));
        IntStream.rangeClosed(0, FirstEvents.REMEMBERED).forEach(i -> firstEvents.of("case-" + i));

        assertEquals("opened 1", firstEvents.of("case-1"));
        assertEquals(FirstEvents.REMEMBERED + 1, storage.reads);
        assertEquals("opened 0", firstEvents.of("case-0"));
        assertEquals(FirstEvents.REMEMBERED + 2, storage.reads);
    }

    private void store(GenericDomainEventMessage<?>... events) {
        store.publish(events);
    }

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Case", aggregateId, sequence, payload);
    }

    /** The in-memory store, counting the reads of an aggregate's events. */
    private static final class CountingStorage extends InMemoryEventStorageEngine {

        private int reads;

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads++;
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }
}
