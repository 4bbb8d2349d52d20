package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.eventstore.CachedAggregates.TransactionalCache;
import org.junit.jupiter.api.Test;

class CachedAggregatesTest {

    private final Transactions transactions = new Transactions();
    private final TransactionalCache cache = new TransactionalCache(transactions);

    @Test
    void anAggregateCachedInATransactionThatRollsBackIsForgotten() {
        transactions.status = Status.STATUS_ACTIVE;
        cache.put("case-1", "with an incident that was never stored");

        transactions.complete(Status.STATUS_ROLLEDBACK);

        assertFalse(cache.containsKey("case-1"));
    }

    @Test
    void anAggregateCachedInATransactionThatCommitsIsKept() {
        transactions.status = Status.STATUS_ACTIVE;
        cache.put("case-1", "as stored");

        transactions.complete(Status.STATUS_COMMITTED);

        assertTrue(cache.containsKey("case-1"));
    }

    @Test
    void anAggregateCachedOutsideATransactionIsKept() {
        cache.put("case-1", "as stored");

        assertTrue(cache.containsKey("case-1"));
        assertTrue(transactions.synchronizations.isEmpty());
    }

    /**
     * A cached aggregate that nothing else holds survives garbage collections while memory is plentiful:
     * with weakly held entries it was gone after the next one, and a large case was replayed for nearly
     * every command under load.
     */
    @Test
    void anAggregateThatOnlyTheCacheHoldsSurvivesGarbageCollection() {
        cache.put("case-1", new StringBuilder("a case with many incidents"));

        System.gc();
        System.gc();

        assertTrue(cache.containsKey("case-1"));
    }

    @Test
    void anEntryIsPutOnlyWhenAbsentAndRemovedOnRequest() {
        assertTrue(cache.putIfAbsent("case-1", "first"));
        assertFalse(cache.putIfAbsent("case-1", "second"));
        assertEquals("first", cache.get("case-1"));

        assertTrue(cache.remove("case-1"));
        assertNull(cache.get("case-1"));
    }

    /** The registry's part that the cache uses; the rest is never called. */
    private static final class Transactions implements TransactionSynchronizationRegistry {

        int status = Status.STATUS_NO_TRANSACTION;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int outcome) {
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public Object getTransactionKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
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
