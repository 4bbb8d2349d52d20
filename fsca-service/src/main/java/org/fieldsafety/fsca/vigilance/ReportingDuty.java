package org.fieldsafety.fsca.vigilance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fieldsafety.fsca.cases.CaseDuties;
import org.fieldsafety.fsca.cases.ReportingClock;

/**
 * The duty a vigilance report answers: one reporting clock of a case (an incident's, or the case's own
 * correction or removal report) and the kind of report it asks for. The kind follows from the clock:
 *
 * <ul>
 *   <li>US FDA: the clock's basis says it: 21 CFR 803.53 a 5-day report, 803.56 a supplemental report, 806.10
 *       the correction or removal report, otherwise (803.50) the 30-day report, INITIAL, or SUPPLEMENTAL
 *       once an earlier report of the event was taken (803.56).
 *   <li>Every other regime: INITIAL (MDR Art. 87(1)(a)), and FOLLOW_UP (MDR Art. 87(6)) once an earlier
 *       report of the incident to that regime was taken (the clock's follow-up number, which a follow-up of a
 *       submitted report counts up and a rejection does not); FINAL (MDR Art. 89(5)) when the clock's basis
 *       is the final report's, which the case gives a reported incident once its investigation concluded
 *       ({@link CaseDuties#finalReports}).
 * </ul>
 *
 * FSCA and TREND reports have no clock on the case: {@link FscaReports} and {@link TrendReports} derive
 * their duties. A regime without documents ({@link Regime}) proposes no report, and neither does a clock a
 * periodic summary report covers (basis {@link CaseDuties#PERIODIC_SUMMARY}, MDR Art. 87(9)): the summary
 * answers it.
 *
 * @param incidentReportId the incident's report id; for a TREND report the trend signal's id; null for a
 *     report of the case itself (its correction or removal report, its FSCA reports)
 * @param followUpNumber how many reports of the incident to this regime were taken before this one (0 for
 *     the first report)
 */
public record ReportingDuty(
        String caseId,
        String incidentReportId,
        Regime regime,
        VigilanceReportKind kind,
        String basis,
        Instant dueAt,
        int followUpNumber) {

    /** The kinds of an incident's report that one clock may ask for in turn, as its basis changes. */
    private static final List<VigilanceReportKind> INCIDENT_KINDS = List.of(
            VigilanceReportKind.INITIAL,
            VigilanceReportKind.FIVE_DAY,
            VigilanceReportKind.SUPPLEMENTAL,
            VigilanceReportKind.FOLLOW_UP,
            VigilanceReportKind.FINAL);

    /**
     * The report's id, from the case, the incident, the regime, the kind and the follow-up number alone:
     * the same duty seen again (a redelivered or replayed event) names the same report.
     */
    public String reportId() {
        return idOf(kind);
    }

    /**
     * Whether the report ends a reporting clock of the case (its submission is recorded there, its rejection
     * reopens it); FSCA and TREND reports have none.
     */
    public boolean clocked() {
        return kind != VigilanceReportKind.FSCA && kind != VigilanceReportKind.TREND;
    }

    /**
     * The ids of the reports of this clock of other kinds (a running US clock whose 30-day report becomes a
     * 5-day report, 21 CFR 803.53): their drafts are superseded by this one.
     */
    public List<String> supersededIds() {
        if (incidentReportId == null) {
            return List.of();
        }
        return INCIDENT_KINDS.stream().filter(k -> k != kind).map(this::idOf).toList();
    }

    private String idOf(VigilanceReportKind reportKind) {
        String name = "vigilance-report:" + caseId + ":" + (incidentReportId == null ? "case" : incidentReportId) + ":"
                + regime + ":" + reportKind + (followUpNumber == 0 ? "" : ":" + followUpNumber);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The duty of one clock of incident {@code incidentReportId}; empty for a regime without documents and for
     * a clock a periodic summary covers.
     */
    public static Optional<ReportingDuty> of(String caseId, String incidentReportId, ReportingClock clock) {
        if (CaseDuties.PERIODIC_SUMMARY.equals(clock.basis())) {
            return Optional.empty();
        }
        return regime(clock.regime())
                .map(regime -> new ReportingDuty(
                        caseId,
                        incidentReportId,
                        regime,
                        kind(regime, clock.basis(), clock.followUpNumber()),
                        clock.basis(),
                        clock.deadline(),
                        clock.followUpNumber()));
    }

    /** The duty of the case's own clock, its correction or removal report (21 CFR 806.10). */
    public static ReportingDuty ofCase(String caseId, ReportingClock correction) {
        return new ReportingDuty(
                caseId,
                null,
                Regime.US_FDA,
                VigilanceReportKind.CORRECTION_REMOVAL,
                correction.basis(),
                correction.deadline(),
                correction.followUpNumber());
    }

    static VigilanceReportKind kind(Regime regime, String basis, int taken) {
        if (regime == Regime.US_FDA) {
            return switch (basis) {
                case CaseDuties.FIVE_DAY_REPORT -> VigilanceReportKind.FIVE_DAY;
                case CaseDuties.SUPPLEMENTAL_REPORT -> VigilanceReportKind.SUPPLEMENTAL;
                case CaseDuties.CORRECTION_REPORT -> VigilanceReportKind.CORRECTION_REMOVAL;
                default -> taken == 0 ? VigilanceReportKind.INITIAL : VigilanceReportKind.SUPPLEMENTAL;
            };
        }
        if (CaseDuties.isFinalReport(basis)) {
            return VigilanceReportKind.FINAL;
        }
        return taken == 0 ? VigilanceReportKind.INITIAL : VigilanceReportKind.FOLLOW_UP;
    }

    private static Optional<Regime> regime(String name) {
        return Arrays.stream(Regime.values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
