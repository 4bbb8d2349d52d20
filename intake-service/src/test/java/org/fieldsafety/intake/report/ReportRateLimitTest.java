package org.fieldsafety.intake.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.fieldsafety.intake.apikey.RateLimit;
import org.fieldsafety.platform.domain.RateLimited;
import org.junit.jupiter.api.Test;

class ReportRateLimitTest {

    private static final UUID KEY = UUID.randomUUID();
    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final RateLimit NODE = new RateLimit(10, 20);

    @Test
    void aKeyMaySendItsBurstAndThenIsRefused() {
        ReportRateLimit limit = new ReportRateLimit(Clock.fixed(START, ZoneOffset.UTC), NODE);
        assertDoesNotThrow(() -> limit.acquire(KEY, null, 20));
        RateLimited tooMany = assertThrows(RateLimited.class, () -> limit.acquire(KEY, null, 1));
        assertEquals("rate-limited", tooMany.code());
    }

    @Test
    void tokensRefillAtTheRate() {
        MutableClock clock = new MutableClock(START);
        ReportRateLimit limit = new ReportRateLimit(clock, NODE);
        limit.acquire(KEY, null, 20);
        clock.now = START.plusMillis(500);
        assertDoesNotThrow(() -> limit.acquire(KEY, null, 5));
        assertThrows(RateLimited.class, () -> limit.acquire(KEY, null, 1));
    }

    @Test
    void aRejectedBatchTakesNothingAndOtherKeysAreUnaffected() {
        ReportRateLimit limit = new ReportRateLimit(Clock.fixed(START, ZoneOffset.UTC), NODE);
        assertThrows(RateLimited.class, () -> limit.acquire(KEY, null, 21));
        assertDoesNotThrow(() -> limit.acquire(KEY, null, 20));
        assertDoesNotThrow(() -> limit.acquire(UUID.randomUUID(), null, 20));
    }

    @Test
    void aKeyWithItsOwnLimitIsHeldToItInsteadOfTheNodes() {
        MutableClock clock = new MutableClock(START);
        ReportRateLimit limit = new ReportRateLimit(clock, NODE);
        RateLimit slow = new RateLimit(0.5, 2);
        limit.acquire(KEY, slow, 2);
        assertThrows(RateLimited.class, () -> limit.acquire(KEY, slow, 1));
        clock.now = START.plusSeconds(2);
        assertDoesNotThrow(() -> limit.acquire(KEY, slow, 1));
        assertDoesNotThrow(() -> limit.acquire(UUID.randomUUID(), null, 20));
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
