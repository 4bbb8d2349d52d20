package org.fieldsafety.pms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PmsCommandTest {

    @Test
    void sendComplaintTakesTheContractsFieldsAsOptions() {
        PmsCommand.Parsed parsed = PmsCommand.parse(new String[] {
            "--bootstrap",
            "kafka:9092",
            "send-complaint",
            "--id",
            "CMP-1",
            "--product",
            "PUMP",
            "--software-version",
            "4.2.1",
            "--occurred-at",
            "2026-11-23T10:00:00Z",
            "--patient-outcome",
            "NO_HARM",
            "--aware-at",
            "2026-11-23T11:00:00Z",
            "--follow-up-of",
            "CMP-0"
        });

        assertEquals("send-complaint", parsed.command());
        assertEquals("kafka:9092", parsed.options().get("bootstrap"));
        Complaint complaint = PmsCommand.complaint(parsed.options());
        assertEquals("CMP-1", complaint.complaintId());
        assertEquals("PUMP", complaint.productId());
        assertEquals("4.2.1", complaint.softwareVersion());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), complaint.occurredAt());
        assertEquals("NO_HARM", complaint.patientOutcome());
        assertEquals(Instant.parse("2026-11-23T11:00:00Z"), complaint.awareAt());
        assertEquals("CMP-0", complaint.followUpOf());
    }

    @Test
    void aComplaintNeedsOnlyItsIdAndProduct() {
        Complaint complaint = PmsCommand.complaint(Map.of("id", "CMP-1", "product", "PUMP"));

        assertEquals(null, complaint.softwareVersion());
        assertEquals(null, complaint.occurredAt());
    }

    @Test
    void followTakesAFlagAndAGroup() {
        PmsCommand.Parsed parsed = PmsCommand.parse(new String[] {"follow", "--from-beginning", "--group", "g"});

        assertEquals(Map.of("from-beginning", "true", "group", "g"), parsed.options());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThrows(PmsCommand.UsageException.class, () -> PmsCommand.parse(new String[] {"follow", "--id", "x"}));
        assertThrows(PmsCommand.UsageException.class, () -> PmsCommand.parse(new String[] {"unfollow"}));
        assertThrows(PmsCommand.UsageException.class, () -> PmsCommand.parse(new String[] {"follow", "--group"}));
        assertThrows(PmsCommand.UsageException.class, () -> PmsCommand.complaint(Map.of("id", "CMP-1")));
        assertThrows(
                PmsCommand.UsageException.class,
                () -> PmsCommand.complaint(Map.of("id", "CMP-1", "product", "PUMP", "aware-at", "yesterday")));
    }
}
