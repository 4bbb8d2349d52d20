package org.fieldsafety.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitingTest {

    @Test
    void asksUntilDone() {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(Waiting.until(() -> asked.incrementAndGet() == 3, Duration.ofSeconds(5), Duration.ZERO));
        assertEquals(3, asked.get());
    }

    @Test
    void givesUpOncePatienceIsSpent() {
        assertFalse(Waiting.until(() -> false, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        assertFalse(Waiting.until(() -> false, Duration.ofSeconds(5), Duration.ofMillis(10)));
        assertTrue(Thread.interrupted());
    }
}
