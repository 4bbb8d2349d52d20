package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    @Test
    void aCommandThatLostARaceIsSentAgainOnTheNewState() {
        AtomicInteger attempts = new AtomicInteger();

        String result = Conflicts.retry(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CommandExecutionException(
                        "append failed", new ConcurrencyException("sequence number 7 already used"));
            }
            return "recorded";
        });

        assertEquals("recorded", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void aCommandThatKeepsLosingFailsAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        ConcurrencyException conflict = new ConcurrencyException("sequence number 7 already used");

        ConcurrencyException thrown = assertThrows(
                ConcurrencyException.class,
                () -> Conflicts.retry(() -> {
                    attempts.incrementAndGet();
                    throw conflict;
                }));

        assertSame(conflict, thrown);
        assertEquals(Conflicts.ATTEMPTS, attempts.get());
    }

    @Test
    void aRuleTheCommandBreaksIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(
                IllegalStateException.class,
                () -> Conflicts.retry(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("the case is closed");
                }));

        assertEquals(1, attempts.get());
    }
}
