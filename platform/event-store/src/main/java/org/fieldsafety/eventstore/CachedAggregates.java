package org.fieldsafety.eventstore;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;

/**
 * The one way a service registers an event-sourced aggregate: with a cache of the aggregates it loaded,
 * so a command on a long-lived aggregate (an FSCA case that collects thousands of incidents) does not
 * replay its whole history from the event store every time.
 *
 * <p>Entries are softly held: the garbage collector drops them only when memory runs short, or when
 * they were not used for a while (about a second per free megabyte of heap). Axon's own
 * {@code WeakReferenceCache} was used first, but a weakly held entry goes with the next collection of its
 * generation, a few seconds apart under load: fsca replayed a case of 60,000 incidents for nearly every
 * batch after it (the fault suite's full run, 58 incidents a second).
 *
 * <p>Axon evicts an entry when its own unit of work rolls back, but a command may run inside a larger JTA
 * transaction (the FSCA audit chain commits with the events): an entry cached during a transaction that
 * then rolls back would hold events that were never stored. {@link TransactionalCache} evicts it when the
 * surrounding transaction does not commit. A cache only knows this JVM's commands; with a second
 * instance, a stale entry fails its append on the event store's unique key, Axon evicts it and the
 * command is sent again ({@link Conflicts}). A command that names the version its sender saw is refused
 * when the aggregate moved on since ({@link ExpectedVersionTargets}).
 */
@Singleton
public class CachedAggregates {

    private final TransactionSynchronizationRegistry transactions;

    CachedAggregates(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The configuration of {@code type} with its own cache, its commands' targets as the sender saw them. */
    public <A> AggregateConfigurer<A> of(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> new TransactionalCache(transactions))
                .configureCommandTargetResolver(c -> new ExpectedVersionTargets());
    }

    /** Softly held entries, each forgotten again when the transaction that cached it does not commit. */
    static final class TransactionalCache implements Cache {

        private final TransactionSynchronizationRegistry transactions;
        private final ConcurrentMap<Object, Entry> entries = new ConcurrentHashMap<>();
        private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

        TransactionalCache(TransactionSynchronizationRegistry transactions) {
            this.transactions = transactions;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            forgetCollected();
            Entry entry = entries.get(key);
            return entry == null ? null : (V) entry.get();
        }

        @Override
        public void put(Object key, Object value) {
            forgetCollected();
            entries.put(key, new Entry(key, value, collected));
            forgetUnlessCommitted(key);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            forgetCollected();
            Entry fresh = new Entry(key, value, collected);
            boolean put =
                    entries.compute(key, (k, known) -> known == null || known.get() == null ? fresh : known) == fresh;
            if (put) {
                forgetUnlessCommitted(key);
            }
            return put;
        }

        @Override
        public boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        /** Axon's aggregate repositories register no listeners, and this cache tells none. */
        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            throw new UnsupportedOperationException("an aggregate cache has no entry listeners");
        }

        private void forgetUnlessCommitted(Object key) {
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

        /** Drops the entries whose aggregates the garbage collector took. */
        private void forgetCollected() {
            for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
                entries.remove(((Entry) gone).key, gone);
            }
        }

        private static final class Entry extends SoftReference<Object> {

            private final Object key;

            Entry(Object key, Object value, ReferenceQueue<Object> queue) {
                super(value, queue);
                this.key = key;
            }
        }
    }
}
