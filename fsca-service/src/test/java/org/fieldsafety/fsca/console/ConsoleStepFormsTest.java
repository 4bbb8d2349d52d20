package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class ConsoleStepFormsTest {

    @Test
    void aFormsDateAndTimeIsReadAsUtc() {
        assertEquals(Instant.parse("2026-05-01T14:30:00Z"), ConsoleStepResource.utc("at", "2026-05-01T14:30"));
        assertNull(ConsoleStepResource.utc("at", " "));
        assertEquals(
                "at is not a date and time such as 2026-05-01T14:30 (UTC)",
                assertThrows(InvalidInput.class, () -> ConsoleStepResource.utc("at", "yesterday"))
                        .getMessage());
    }

    @Test
    void recipientsAreOneALine() {
        assertEquals(List.of("Clinic A", "Clinic B"), ConsoleStepResource.lines(" Clinic A\r\n\nClinic B \n"));
        assertEquals(List.of(), ConsoleStepResource.lines(null));
    }

    @Test
    void aNoticesRecipientIsItsReferenceAndName() {
        assertArrayEquals(
                new String[] {"FSN-1", "Clinic | A"}, ConsoleStepResource.noticeRecipient("FSN-1|Clinic | A"));
        assertArrayEquals(new String[] {null, "Clinic A"}, ConsoleStepResource.noticeRecipient("Clinic A"));
    }
}
