package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A triaged report attached to a case: what triage found and the reporting clocks it started. The
 * clocks run from {@code awareAt}, the manufacturer's first awareness (MDR Art. 87, 21 CFR 803.50).
 */
public record Incident(
        String reportId,
        Instant awareAt,
        String softwareItem,
        String softwareVersion,
        String faultCode,
        String country,
        String safetyClass,
        String hazard,
        int severity,
        int probability,
        String riskRegion,
        boolean seriousIncident,
        List<ReportingClock> clocks) {

    /** This incident with other reporting duties; its awareness stays. */
    public Incident reclassified(List<ReportingClock> newClocks) {
        return new Incident(
                reportId,
                awareAt,
                softwareItem,
                softwareVersion,
                faultCode,
                country,
                safetyClass,
                hazard,
                severity,
                probability,
                riskRegion,
                seriousIncident,
                newClocks);
    }

    /** The clock that runs out first, or null when the incident has no reporting duty. */
    public ReportingClock nearestClock() {
        return clocks.stream()
                .min(Comparator.comparing(ReportingClock::deadline))
                .orElse(null);
    }

    /** One regime's deadline for reporting this incident to its authority. */
    public record ReportingClock(String regime, String basis, Instant deadline) {}
}
