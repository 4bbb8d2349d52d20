package org.fieldsafety.intake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ReportIdsTest {

    @Test
    void anIdempotencyKeyGivesTheSameIdForTheSameClientOnly() {
        assertEquals(ReportIds.of("pump-cloud", "k-1"), ReportIds.of("pump-cloud", "k-1"));
        assertNotEquals(ReportIds.of("pump-cloud", "k-1"), ReportIds.of("app-fleet", "k-1"));
    }

    @Test
    void withoutAKeyEveryReportGetsANewId() {
        assertNotEquals(ReportIds.of("pump-cloud", null), ReportIds.of("pump-cloud", null));
    }
}
