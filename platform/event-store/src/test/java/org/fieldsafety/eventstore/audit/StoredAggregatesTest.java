package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class StoredAggregatesTest {

    private final Transaction transaction = new Transaction();
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

    /** One transaction's status and resources. */
    private static final class Transaction implements TransactionSynchronizationRegistry {

        int status = Status.STATUS_NO_TRANSACTION;
        final Map<Object, Object> resources = new HashMap<>();

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public Object getTransactionKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            throw new UnsupportedOperationException();
        }
    }
}
