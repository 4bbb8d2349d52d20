package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Status;
import org.fieldsafety.eventstore.CachedAggregates.TransactionalCache;
import org.junit.jupiter.api.Test;

class CachedAggregatesTest {

    private final TestTransactions transactions = new TestTransactions();
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
}
