package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;

/** The tests' incident: a dose-calculator overflow, a serious incident of UNACCEPTABLE risk. */
public final class Incidents {

    private Incidents() {}

    public static Incident overdose(
            String reportId, Instant awareAt, String softwareVersion, List<ReportingClock> clocks) {
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
                clocks,
                null,
                List.of(),
                List.of(),
                "SERIOUS_INJURY",
                List.of());
    }

    /** {@code incident} with the hazard catalogue's IMDRF codes {@code imdrf}. */
    public static Incident coded(Incident incident, List<ImdrfTerm> imdrf) {
        return new Incident(
                incident.reportId(),
                incident.awareAt(),
                incident.softwareItem(),
                incident.softwareVersion(),
                incident.faultCode(),
                incident.country(),
                incident.safetyClass(),
                incident.hazard(),
                incident.severity(),
                incident.probability(),
                incident.riskRegion(),
                incident.seriousIncident(),
                incident.clocks(),
                incident.followUpOf(),
                incident.followUps(),
                incident.clockHistory(),
                incident.patientOutcome(),
                imdrf);
    }

    /** {@code incident} as a follow-up report of {@code reportId}. */
    public static Incident followUpOf(Incident incident, String reportId) {
        return new Incident(
                incident.reportId(),
                incident.awareAt(),
                incident.softwareItem(),
                incident.softwareVersion(),
                incident.faultCode(),
                incident.country(),
                incident.safetyClass(),
                incident.hazard(),
                incident.severity(),
                incident.probability(),
                incident.riskRegion(),
                incident.seriousIncident(),
                incident.clocks(),
                reportId,
                List.of(),
                List.of(),
                incident.patientOutcome(),
                incident.imdrf());
    }
}
