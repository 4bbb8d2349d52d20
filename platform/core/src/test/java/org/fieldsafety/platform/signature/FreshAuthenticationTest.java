package org.fieldsafety.platform.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @ParameterizedTest(name = "signed in {0} s before: fresh {1}")
    @CsvSource({"0, true", "299, true", "300, true", "301, false", "3600, false", "-1, true", "-5, false"})
    void aSignInSignsWithinTheWindowOnly(long secondsBefore, boolean fresh) {
        long authTime = NOW.minusSeconds(secondsBefore).getEpochSecond();
        assertEquals(fresh, new FreshAuthentication(Duration.ofMinutes(5)).isFresh(authTime, NOW));
    }

    @org.junit.jupiter.api.Test
    void aTokenWithoutASignInTimeNeverSigns() {
        assertEquals(false, new FreshAuthentication(Duration.ofMinutes(5)).isFresh(null, NOW));
    }
}
