package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;

/** The tests' incident: a dose-calculator overflow, a serious incident of UNACCEPTABLE risk. */
public final class Incidents {

    private Incidents() {}

    public static Incident overdose(
            String reportId, Instant awareAt, String softwareVersion, List<Incident.ReportingClock> clocks) {
        return new Incident(
                reportId,
                awareAt,
                "dose-calculator",
                softwareVersion,
                "E-DOSE-CALC-OVERFLOW",
                "DE",
                "C",
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                clocks);
    }
}
