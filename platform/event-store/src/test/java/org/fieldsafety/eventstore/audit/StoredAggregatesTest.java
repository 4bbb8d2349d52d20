package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import java.util.OptionalLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.fieldsafety.eventstore.TestTransactions;
import org.junit.jupiter.api.Test;

class StoredAggregatesTest {

    private final TestTransactions transaction = new TestTransactions();
    private final StoredAggregates stored = new StoredAggregates(transaction);

    @Test
    void anAggregateWhoseEventsTheTransactionStoredIsTakenOnceWithItsFirstStoredEvent() {
        transaction.status = Status.STATUS_ACTIVE;
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 4, "incident added"));
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 5, "incident added"));

        assertEquals(OptionalLong.of(4), stored.take("case-1"));
        assertEquals(OptionalLong.empty(), stored.take("case-1"), "its events were linked already");
    }

    @Test
    void aNewAggregateIsTakenFromItsFirstEvent() {
        transaction.status = Status.STATUS_ACTIVE;
        stored.handle(new GenericDomainEventMessage<>("Report", "report-1", 0, "drafted"));
        stored.handle(new GenericDomainEventMessage<>("Report", "report-1", 1, "submitted"));

        assertEquals(OptionalLong.of(0), stored.take("report-1"));
    }

    @Test
    void anAggregateWithoutNewEventsIsNotTaken() {
        transaction.status = Status.STATUS_ACTIVE;
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 0, "opened"));
        stored.handle(GenericEventMessage.asEventMessage("an event of no aggregate"));

        assertEquals(OptionalLong.empty(), stored.take("case-2"));
    }

    @Test
    void anEventOutsideATransactionIsNotRecorded() {
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 0, "opened"));

        assertTrue(transaction.resources.isEmpty());
    }
}
