package org.fieldsafety.intake.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.fieldsafety.platform.ProblemException;
import org.junit.jupiter.api.Test;

class ReportRateLimitTest {

    private static final UUID KEY = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void aKeyMaySendItsBurstAndThenIsRefused() {
        ReportRateLimit limit = new ReportRateLimit(Clock.fixed(START, ZoneOffset.UTC), 10, 20);
        assertDoesNotThrow(() -> limit.acquire(KEY, 20));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> limit.acquire(KEY, 1));
        assertEquals(429, tooMany.status());
    }

    @Test
    void tokensRefillAtTheRate() {
        MutableClock clock = new MutableClock(START);
        ReportRateLimit limit = new ReportRateLimit(clock, 10, 20);
        limit.acquire(KEY, 20);
        clock.now = START.plusMillis(500);
        assertDoesNotThrow(() -> limit.acquire(KEY, 5));
        assertThrows(ProblemException.class, () -> limit.acquire(KEY, 1));
    }

    @Test
    void aRejectedBatchTakesNothingAndOtherKeysAreUnaffected() {
        ReportRateLimit limit = new ReportRateLimit(Clock.fixed(START, ZoneOffset.UTC), 10, 20);
        assertThrows(ProblemException.class, () -> limit.acquire(KEY, 21));
        assertDoesNotThrow(() -> limit.acquire(KEY, 20));
        assertDoesNotThrow(() -> limit.acquire(UUID.randomUUID(), 20));
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
