package org.fieldsafety.eventstore;

import jakarta.transaction.Status;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions as Narayana JTA transactions, so the event store, the token store and anything
 * else on the Agroal datasource commit together. Joins a transaction that is already active.
 */
final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            boolean owner = jta.getStatus() == Status.STATUS_NO_TRANSACTION;
            if (owner) {
                jta.begin();
            }
            return new Transaction() {
                @Override
                public void commit() {
                    if (owner) {
                        run(jta::commit);
                    }
                }

                @Override
                public void rollback() {
                    run(owner ? jta::rollback : jta::setRollbackOnly);
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a transaction", e);
        }
    }

    private static void run(JtaAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException("Transaction failed", e);
        }
    }

    @FunctionalInterface
    private interface JtaAction {
        void run() throws Exception;
    }
}
