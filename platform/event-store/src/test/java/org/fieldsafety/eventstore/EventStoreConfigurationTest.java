package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

class EventStoreConfigurationTest {

    private final List<String> steps = new ArrayList<>();

    /** The transactions a service gives the configuration, recording what they are asked to do. */
    private final TransactionManager transactions = () -> {
        steps.add("begin");
        return new Transaction() {
            @Override
            public void commit() {
                steps.add("commit");
            }

            @Override
            public void rollback() {
                steps.add("rollback");
            }
        };
    };

    @Test
    void theEventStoreReadsWithoutATransactionOfItsOwn() {
        String read = EventStoreConfiguration.writesOnly(transactions).fetchInTransaction(() -> "new events");

        assertEquals("new events", read);
        assertEquals(List.of(), steps);
    }

    @Test
    void theEventStoreWritesInATransaction() {
        EventStoreConfiguration.writesOnly(transactions).executeInTransaction(() -> steps.add("append"));

        assertEquals(List.of("begin", "append", "commit"), steps);
    }
}
