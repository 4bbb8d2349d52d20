package org.fieldsafety.triage.result;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.triage.classification.Classification;
import org.fieldsafety.triage.classification.ReportingDuty;

/**
 * A report's triage result as stored, served and re-published: the reporting duties that apply, and for
 * each regime that does not, the reason ({@code notReportable}). {@code awareAt} is the awareness the
 * clocks run from, {@code receivedAt} intake's receipt; {@code missing} the fields the report did not give;
 * {@code seriousness} which case applied and why. {@code originalReportId} is the report that first told of
 * the event (the report itself, or the earlier one it follows up). {@code registryVersion} and {@code product}
 * (the registry's name, UDI-DI and markets, which the FSCA case needs) are null when the product was not
 * registered. {@code trendSignal}: the report's problem was in a trend episode (MDR Art. 88) when it was
 * triaged; the episode's TrendSignalRaised, not the report, goes to an FSCA case. {@code imdrf}: the hazard
 * catalogue's IMDRF codes of the report's fault and harm (empty in results stored before they were added).
 */
public record TriageView(
        String reportId,
        String productId,
        String problemId,
        String softwareItem,
        String softwareVersion,
        String faultCode,
        String country,
        PatientOutcome patientOutcome,
        String safetyClass,
        String hazard,
        int severity,
        int probability,
        String riskRegion,
        boolean seriousIncident,
        ReportTriaged.Seriousness seriousness,
        boolean fscaCandidate,
        boolean trendSignal,
        Instant awareAt,
        Instant receivedAt,
        String followUpOf,
        String originalReportId,
        List<String> missing,
        Instant triagedAt,
        int policyVersion,
        Integer registryVersion,
        List<ReportTriaged.Reportability> reportability,
        List<NotReportable> notReportable,
        ReportTriaged.Product product,
        List<ReportTriaged.ImdrfTerm> imdrf) {

    public TriageView {
        imdrf = imdrf == null ? List.of() : imdrf;
    }

    /** A regime under which the report is not reportable, and why. */
    public record NotReportable(String regime, String reason) {}

    public static TriageView of(Classification c) {
        FieldReportReceived report = c.report();
        return new TriageView(
                report.reportId(),
                report.productId(),
                c.problemId(),
                report.softwareItem(),
                report.softwareVersion(),
                report.faultCode(),
                report.country(),
                report.patientOutcome(),
                c.safetyClass().name(),
                c.hazard(),
                c.severity(),
                c.probability(),
                c.riskRegion().name(),
                c.seriousIncident(),
                new ReportTriaged.Seriousness(
                        c.seriousness().finding().name(), c.seriousness().statement()),
                c.fscaCandidate(),
                false,
                c.awareAt(),
                report.receivedAt(),
                report.followUpOf(),
                c.originalReportId(),
                c.missing(),
                c.triagedAt(),
                c.policyVersion(),
                c.product() == null ? null : c.product().version(),
                c.duties().stream()
                        .filter(ReportingDuty.Reportable.class::isInstance)
                        .map(ReportingDuty.Reportable.class::cast)
                        .map(d -> new ReportTriaged.Reportability(d.regime(), d.basis(), d.deadline()))
                        .toList(),
                c.duties().stream()
                        .filter(ReportingDuty.NotReportable.class::isInstance)
                        .map(ReportingDuty.NotReportable.class::cast)
                        .map(d -> new NotReportable(d.regime(), d.reason()))
                        .toList(),
                c.product() == null
                        ? null
                        : new ReportTriaged.Product(
                                c.product().entry().name(),
                                c.product().entry().udiDi(),
                                c.product().entry().markets()),
                c.imdrf());
    }

    /** Whether the report told of a new event, not follow-up information on one triage already knows. */
    public boolean newEvent() {
        return originalReportId == null || originalReportId.equals(reportId);
    }

    /** This result with its problem in a trend episode (MDR Art. 88). */
    public TriageView withTrendSignal() {
        return new TriageView(
                reportId,
                productId,
                problemId,
                softwareItem,
                softwareVersion,
                faultCode,
                country,
                patientOutcome,
                safetyClass,
                hazard,
                severity,
                probability,
                riskRegion,
                seriousIncident,
                seriousness,
                fscaCandidate,
                true,
                awareAt,
                receivedAt,
                followUpOf,
                originalReportId,
                missing,
                triagedAt,
                policyVersion,
                registryVersion,
                reportability,
                notReportable,
                product,
                imdrf);
    }

    public ReportTriaged toEvent() {
        return new ReportTriaged(
                reportId,
                productId,
                problemId,
                softwareItem,
                softwareVersion,
                faultCode,
                country,
                patientOutcome,
                safetyClass,
                hazard,
                severity,
                probability,
                riskRegion,
                seriousIncident,
                fscaCandidate,
                awareAt,
                triagedAt,
                policyVersion,
                reportability,
                receivedAt,
                followUpOf,
                originalReportId,
                missing,
                seriousness,
                product,
                imdrf);
    }
}
