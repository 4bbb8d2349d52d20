package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

    @ParameterizedTest(name = "signed in {0} min before: expired {1}")
    @CsvSource({"1, false", "479, false", "480, false", "481, true", "2000, true"})
    void aSessionEndsEightHoursAfterItsSignInHoweverActive(long minutesBefore, boolean expired) {
        long authTime = NOW.minus(Duration.ofMinutes(minutesBefore)).getEpochSecond();
        assertEquals(expired, SessionLifetime.expired(authTime, NOW, Duration.ofHours(8)));
    }

    @Test
    void aSessionWithoutASignInTimeIsExpired() {
        assertEquals(true, SessionLifetime.expired(null, NOW, Duration.ofHours(8)));
    }
}
