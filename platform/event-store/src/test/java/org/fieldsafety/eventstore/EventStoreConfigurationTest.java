package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
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

    @Test
    void anAggregateIsLoadedWithoutLookingForASnapshot() {
        JdbcEventStorageEngine engine = EventStoreConfiguration.withoutSnapshots(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> {
                    steps.add("connection");
                    throw new SQLException("no database here");
                })
                .transactionManager(transactions)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()));

        assertEquals(Optional.empty(), engine.readSnapshot("case-1"));
        assertEquals(List.of(), steps);
    }
}
