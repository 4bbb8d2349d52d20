package org.fieldsafety.eventstore.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

class AtBatchCommitTest {

    private final List<List<String>> done = new ArrayList<>();
    private Supplier<RuntimeException> failure = () -> null;
    private String refused;

    /** Does the events' work, unless one of them is the refused one. */
    private final AtBatchCommit<String> work = new AtBatchCommit<>("test", events -> {
        if (refused != null && events.contains(refused)) {
            throw failure.get();
        }
        done.add(events);
    });

    @Test
    void aBatchsWorkIsDoneTogetherWhenItCommits() {
        BatchingUnitOfWork<EventMessage<?>> batch = batch();
        work.add("a");
        work.add("b");
        assertEquals(List.of(), done);

        batch.commit();

        assertEquals(List.of(List.of("a", "b")), done);
    }

    @Test
    void afterABatchFailedForGoodItsRetryIsDoneOneEventAtATimeThenWholeAgain() {
        refused = "b";
        failure = () -> new IllegalStateException("write failed", new IllegalArgumentException("a value too long"));
        BatchingUnitOfWork<EventMessage<?>> first = batch();
        List.of("a", "b", "c").forEach(work::add);
        assertThrows(IllegalStateException.class, first::commit);
        assertEquals(List.of(), done);

        BatchingUnitOfWork<EventMessage<?>> retry = batch();
        work.add("a");
        assertThrows(IllegalStateException.class, () -> work.add("b"), "the handler fails: its event is parked");
        work.add("c");
        retry.commit();
        assertEquals(List.of(List.of("a"), List.of("c")), done);

        BatchingUnitOfWork<EventMessage<?>> next = batch();
        work.add("d");
        work.add("e");
        next.commit();
        assertEquals(List.of(List.of("a"), List.of("c"), List.of("d", "e")), done);
    }

    @Test
    void aBatchThatFailedForNowIsRetriedWhole() {
        refused = "b";
        failure = () -> new IllegalStateException("the database is down");
        BatchingUnitOfWork<EventMessage<?>> first = batch();
        List.of("a", "b").forEach(work::add);
        assertThrows(IllegalStateException.class, first::commit);

        refused = null;
        BatchingUnitOfWork<EventMessage<?>> retry = batch();
        List.of("a", "b").forEach(work::add);
        retry.commit();

        assertEquals(List.of(List.of("a", "b")), done);
    }

    @Test
    void outsideABatchWorkIsDoneAtOnce() {
        work.add("a");

        assertEquals(List.of(List.of("a")), done);
    }

    private static BatchingUnitOfWork<EventMessage<?>> batch() {
        BatchingUnitOfWork<EventMessage<?>> batch =
                new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("an event")));
        batch.start();
        return batch;
    }
}
