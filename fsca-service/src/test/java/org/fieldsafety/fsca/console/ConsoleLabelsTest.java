package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleLabelsTest {

    @ParameterizedTest
    @CsvSource({
        "PT359H59M, 14 days 23 hours left",
        "PT25H, 1 day 1 hour left",
        "PT30M, 0 hours 30 minutes left",
        "PT5H20M, 5 hours 20 minutes left",
        "PT-1H-1M, OVERDUE by 1 hour 1 minute",
        "PT-24H, OVERDUE by 1 day 0 hours",
        "PT-50H, OVERDUE by 2 days 2 hours"
    })
    void timeLeftReadsInDaysAndHours(String left, String shown) {
        assertEquals(shown, ConsoleLabels.remaining(Duration.parse(left)));
    }

    @ParameterizedTest
    @CsvSource({"UNACCEPTABLE, Unacceptable", "AS_LOW_AS_POSSIBLE, As low as possible"})
    void codesReadAsWords(String code, String shown) {
        assertEquals(shown, ConsoleLabels.words(code));
    }

    @ParameterizedTest
    @CsvSource({"ChangeApproved, Change approved", "ImpactAnalysisReopened, Impact analysis reopened"})
    void stepsReadAsWords(String step, String shown) {
        assertEquals(shown, ConsoleLabels.step(step));
    }

    @Test
    void aTimeIsATimeElementWithItsUtcTextAndTitle() {
        assertEquals(
                "<time datetime=\"2026-05-10T12:07:09Z\" title=\"10 May 2026, 12:07 UTC\">10 May 2026, 12:07 UTC</time>",
                ConsoleLabels.time(Instant.parse("2026-05-10T12:07:09.123456Z")).getValue());
        assertEquals("", ConsoleLabels.time(null).getValue());
    }
}
