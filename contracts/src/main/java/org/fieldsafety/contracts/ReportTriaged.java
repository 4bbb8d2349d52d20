package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Triage's result for one report, on {@link Topics#TRIAGE}, keyed by problem id. {@code awareAt} is the
 * awareness the reporting clocks run from; {@code receivedAt} when intake received the report. A report
 * with {@code originalReportId} other than its own id is follow-up information on that earlier report: it
 * carries its own duties but is not another occurrence of its problem. {@code product}: the product's
 * registry entry as triage used it, null when the product is not registered. {@code imdrf}: the IMDRF Adverse
 * Event Terminology codes the hazard catalogue gives the report's fault (Annex A) and harm (Annexes E and F),
 * each with the release it was coded with; empty when the catalogue codes none.
 */
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
        List<Reportability> reportability,
        Instant receivedAt,
        String followUpOf,
        String originalReportId,
        List<String> missing,
        Seriousness seriousness,
        Product product,
        List<ImdrfTerm> imdrf) {

    public ReportTriaged {
        imdrf = imdrf == null ? List.of() : List.copyOf(imdrf);
    }

    public static final String TYPE = "org.fieldsafety.ReportTriaged.v1";

    /** One regulatory regime's reporting duty: the article it rests on and the deadline it sets. */
    public record Reportability(String regime, String basis, Instant deadline) {}

    /**
     * Which case of a serious incident applied (OBSERVED, UNANTICIPATED, MIGHT_HAVE_LED) or NOT_SERIOUS, and
     * why, in words.
     */
    public record Seriousness(String finding, String statement) {}

    /** What the product registry says of the product: its name, UDI-DI and markets (ISO 3166-1 alpha-2). */
    public record Product(String name, String udiDi, List<String> markets) {}

    /** An IMDRF code with its term, as the release it was coded with defines it; the code names its annex. */
    public record ImdrfTerm(String code, String term, String release) {}
}
