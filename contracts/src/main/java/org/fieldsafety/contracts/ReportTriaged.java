package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/** Triage's result for one report, on {@link Topics#TRIAGE}, keyed by product. */
public record ReportTriaged(
        String reportId,
        String productId,
        String problemId,
        String softwareItem,
        String softwareVersion,
        String faultCode,
        String country,
        FieldReportReceived.PatientOutcome patientOutcome,
        String safetyClass,
        String hazard,
        int severity,
        int probability,
        String riskRegion,
        boolean seriousIncident,
        boolean fscaCandidate,
        Instant awareAt,
        Instant triagedAt,
        int policyVersion,
        List<Reportability> reportability) {

    public static final String TYPE = "org.fieldsafety.ReportTriaged.v1";

    /** One regulatory regime's reporting duty: the article it rests on and the deadline it sets. */
    public record Reportability(String regime, String basis, Instant deadline) {}
}
