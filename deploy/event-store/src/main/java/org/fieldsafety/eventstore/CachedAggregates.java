package org.fieldsafety.eventstore;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;

/**
 * The one way a service registers an event-sourced aggregate: with a cache of the aggregates it loaded,
 * so a command on a long-lived aggregate (an FSCA case that collects thousands of incidents) does not
 * replay its whole history from the event store every time.
 *
 * <p>Axon evicts an entry when its own unit of work rolls back, but a command may run inside a larger JTA
 * transaction (the FSCA audit chain commits with the events): an entry cached during a transaction that
 * then rolls back would hold events that were never stored. {@link TransactionalCache} evicts it when the
 * surrounding transaction does not commit. A cache only knows this JVM's commands; with a second
 * instance, a stale entry fails its append on the event store's unique key, Axon evicts it and the
 * command is sent again ({@link Conflicts}).
 */
@Singleton
public class CachedAggregates {

    private final TransactionSynchronizationRegistry transactions;

    CachedAggregates(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The configuration of {@code type} with its own cache. */
    public <A> AggregateConfigurer<A> of(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureCache(c -> new TransactionalCache(transactions));
    }

    /** Weakly held entries, each forgotten again when the transaction that cached it does not commit. */
    static final class TransactionalCache extends WeakReferenceCache {

        private final TransactionSynchronizationRegistry transactions;

        TransactionalCache(TransactionSynchronizationRegistry transactions) {
            this.transactions = transactions;
        }

        @Override
        public void put(Object key, Object value) {
            super.put(key, value);
            if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status != Status.STATUS_COMMITTED) {
                            remove(key);
                        }
                    }
                });
            }
        }
    }
}
