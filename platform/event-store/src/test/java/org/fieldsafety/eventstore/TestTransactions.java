package org.fieldsafety.eventstore;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction as the tests of this module need it: its status, its synchronizations and its resources,
 * set and read directly; the rest of the registry is never called.
 */
public final class TestTransactions implements TransactionSynchronizationRegistry {

    public int status = Status.STATUS_NO_TRANSACTION;
    public final List<Synchronization> synchronizations = new ArrayList<>();
    public final Map<Object, Object> resources = new HashMap<>();

    /** Ends the transaction with {@code outcome}, as Narayana tells its synchronizations. */
    public void complete(int outcome) {
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
    public void setRollbackOnly() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
        throw new UnsupportedOperationException();
    }
}
