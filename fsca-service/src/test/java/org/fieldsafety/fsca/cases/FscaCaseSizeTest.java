package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.junit.jupiter.api.Test;

/**
 * A problem reported across a fleet puts its incidents in one case. The case stays in memory between
 * commands (the service's aggregate cache), so what it holds of each incident bounds how large a case the
 * service can carry. A case that kept every incident whole took 1,427 bytes of heap each here, and two cases
 * of 92,000 incidents left fsca collecting garbage instead of working; it now takes 355.
 */
class FscaCaseSizeTest {

    private static final int INCIDENTS = 100_000;
    private static final Instant AWARE = Instant.parse("2026-11-20T10:15:00Z");

    @Test
    void aCaseHoldsLittleOfEachOfItsHundredThousandIncidents() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        long before = usedHeap();
        FscaCase held = new FscaCase();
        held.on(new FscaCaseOpened("case-1", "problem-1", "PUMP", AWARE, null, 0));
        for (int i = 0; i < INCIDENTS; i++) {
            held.on(json.readValue(json.writeValueAsBytes(attached(i)), IncidentAttached.class));
        }
        long perIncident = (usedHeap() - before) / INCIDENTS;
        Reference.reachabilityFence(held);

        assertTrue(perIncident <= 500, "a case holds " + perIncident + " bytes of heap per incident");
    }

    /** An incident as events in the store carry it: its own strings, two clocks, two IMDRF codes. */
    private static IncidentAttached attached(int i) {
        Instant aware = AWARE.plusSeconds(i);
        return new IncidentAttached(
                "case-1",
                Incidents.coded(
                        Incidents.overdose(
                                UUID.randomUUID().toString(),
                                aware,
                                "4.2." + (i % 7),
                                List.of(
                                        ReportingClock.proposed("EU_MDR", "Art. 87(3)", aware.plusSeconds(15 * 86400)),
                                        ReportingClock.proposed(
                                                "US_FDA", "21 CFR 803.50", aware.plusSeconds(30 * 86400)))),
                        List.of(
                                new ImdrfTerm("A0401", "Software computation problem", "2025"),
                                new ImdrfTerm("E0101", "Overdose", "2025"))));
    }

    private static long usedHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
