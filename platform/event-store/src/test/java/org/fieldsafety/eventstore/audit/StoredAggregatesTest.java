package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.fieldsafety.eventstore.TestTransactions;
import org.junit.jupiter.api.Test;

class StoredAggregatesTest {

    private final TestTransactions transaction = new TestTransactions();
    private final StoredAggregates stored = new StoredAggregates(transaction);

    @Test
    void anAggregateWhoseEventsTheTransactionStoredIsTakenOnce() {
        transaction.status = Status.STATUS_ACTIVE;
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 0, "opened"));

        assertTrue(stored.take("case-1"));
        assertFalse(stored.take("case-1"), "its events were linked already");
    }

    @Test
    void anAggregateWithoutNewEventsIsNotTaken() {
        transaction.status = Status.STATUS_ACTIVE;
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 0, "opened"));
        stored.handle(GenericEventMessage.asEventMessage("an event of no aggregate"));

        assertFalse(stored.take("case-2"));
    }

    @Test
    void anEventOutsideATransactionIsNotRecorded() {
        stored.handle(new GenericDomainEventMessage<>("Case", "case-1", 0, "opened"));

        assertTrue(transaction.resources.isEmpty());
    }
}
