package org.fieldsafety.fsca.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.fieldsafety.platform.time.UsWorkDays;

/**
 * The reporting clocks of a case's incidents over time: the FDA duties that follow from the case rather than
 * from one report, and what a report triaged again or followed up does to the clocks it already has.
 *
 * <ul>
 *   <li>21 CFR 803.53: a 5-day report, due 5 work days (803.3) after the manufacturer becomes aware that an
 *       MDR reportable event needs remedial action to prevent an unreasonable risk of substantial harm to
 *       the public health (803.53(a), here: regulatory affairs records it at the assessment or the
 *       decision), or after an FDA written request (803.53(b), for each event the request covers); an event
 *       the case learns of later is due 5 work days after its own awareness. It replaces the incident's
 *       US clock when it falls due sooner.
 *   <li>21 CFR 803.56: new information on a submitted report is a supplemental report, due 30 calendar days
 *       after it is received; for the other regimes a follow-up after submission gets the duty triage
 *       proposes for the new information.
 *   <li>21 CFR 806.10(b): a correction or removal is reported within 10 working days of its start (the
 *       case's first Field Safety Notice).
 *   <li>Medical Devices Regulations SOR/98-282 s.59(2): an incident outside Canada is reported to Health
 *       Canada once the manufacturer has indicated to an authority that it will take corrective action, or an
 *       authority required it (here: an FSCA_REQUIRED decision), for a device sold in Canada; s.60(1) gives 10
 *       days for a death or serious deterioration and 30 days for one that could follow were it to recur.
 *       The case does not keep which of the two a serious incident was, so the reading that reports is
 *       taken: 10 days, from the corrective action or the later awareness.
 *   <li>MDR Art. 89(5): once the manufacturer's investigation concluded, the final report of each incident
 *       it reported to the EU, and to the MHRA, whose incident report follows the EU's MIR; neither the MDR
 *       nor MDCG 2023-3 gives it a period, so it is due at the conclusion and the case closes only after
 *       it.
 *   <li>MDR Art. 87, MDCG 2023-3: a clock ends only by a submission or a person's signed NOT_REPORTABLE, so
 *       new triage never ends or drops one: a report triaged again changes its running clocks only; a
 *       follow-up keeps the sooner of a running clock and the new one, and reopens a clock signed not
 *       reportable with the new proposal (the new information is decided again).
 *   <li>MDR Art. 87(9): an incident a periodic summary report lists is due with that summary: its clock takes
 *       the basis {@link #PERIODIC_SUMMARY} and the summary's due time, and the summary's submission
 *       discharges it.
 * </ul>
 */
public final class CaseDuties {

    public static final String US_FDA = "US_FDA";
    public static final String FIVE_DAY_REPORT = "21 CFR 803.53";
    public static final String SUPPLEMENTAL_REPORT = "21 CFR 803.56";
    public static final String CORRECTION_REPORT = "21 CFR 806.10";
    public static final String CA_HC = "CA_HC";
    public static final String FOREIGN_INCIDENT = "SOR/98-282 s.59(2), s.60(1)(a)";
    public static final String PERIODIC_SUMMARY = "Art. 87(9)";

    public static final String FINAL_REPORT = "MDR Art. 89(5)";
    public static final String UK_FINAL_REPORT = "UK MDR 2002 Part 4A, final report";

    /** The regimes whose reported incidents get a final report, with its basis. */
    private static final Map<String, String> FINAL_REPORTS =
            Map.of(Authorities.EU_MDR, FINAL_REPORT, "UK_MHRA", UK_FINAL_REPORT);

    static final int FIVE_DAY_WORK_DAYS = 5;
    static final Duration SUPPLEMENTAL_PERIOD = Duration.ofDays(30);
    static final int CORRECTION_WORK_DAYS = 10;
    static final Duration FOREIGN_INCIDENT_PERIOD = Duration.ofDays(10);

    private final UsWorkDays workDays;

    public CaseDuties(UsWorkDays workDays) {
        this.workDays = workDays;
    }

    /**
     * The clock of an event known since {@code awareAt} once the case has a 5-day trigger at {@code trigger}:
     * a running US clock becomes the 5-day report when that falls due sooner; any other clock stays.
     */
    public ReportingClock fiveDay(ReportingClock clock, Instant trigger, Instant awareAt) {
        if (!clock.regime().equals(US_FDA) || !clock.running()) {
            return clock;
        }
        Instant due = workDays.after(trigger.isAfter(awareAt) ? trigger : awareAt, FIVE_DAY_WORK_DAYS);
        return due.isBefore(clock.deadline()) ? clock.due(FIVE_DAY_REPORT, due) : clock;
    }

    /**
     * The clocks of a serious incident that occurred in {@code country} once corrective action was decided at
     * {@code correctiveActionAt}: a Health Canada clock is added for an incident outside Canada that has
     * none (SOR/98-282 s.59(2)); an incident without a country already has Canada's clock from triage, which
     * takes it to have occurred wherever the device is sold.
     */
    public static List<ReportingClock> foreignToCanada(
            List<ReportingClock> clocks, String country, Instant correctiveActionAt, Instant awareAt) {
        if (country == null
                || country.equals("CA")
                || clocks.stream().anyMatch(c -> c.regime().equals(CA_HC))) {
            return clocks;
        }
        Instant from = correctiveActionAt.isAfter(awareAt) ? correctiveActionAt : awareAt;
        List<ReportingClock> withCanada = new ArrayList<>(clocks);
        withCanada.add(ReportingClock.proposed(CA_HC, FOREIGN_INCIDENT, from.plus(FOREIGN_INCIDENT_PERIOD)));
        return List.copyOf(withCanada);
    }

    /**
     * The clocks of an incident once the investigation concluded at {@code concludedAt} (MDR Art. 89(5)): an
     * EU or GB clock whose report the authority took, and that was not the final report, runs again as the
     * final report, numbered one more, due at the conclusion. Any other clock stays.
     */
    public static List<ReportingClock> finalReports(List<ReportingClock> clocks, Instant concludedAt) {
        return clocks.stream()
                .map(clock -> clock.state() == ClockState.SUBMITTED
                                && FINAL_REPORTS.containsKey(clock.regime())
                                && !isFinalReport(clock.basis())
                        ? ReportingClock.proposed(clock.regime(), FINAL_REPORTS.get(clock.regime()), concludedAt)
                                .numbered(clock.followUpNumber() + 1)
                        : clock)
                .toList();
    }

    /** Whether {@code basis} is that of a final report (MDR Art. 89(5)). */
    public static boolean isFinalReport(String basis) {
        return FINAL_REPORTS.containsValue(basis);
    }

    /** The correction or removal report of a correction started at {@code startedAt} (21 CFR 806.10(b)). */
    public ReportingClock correction(Instant startedAt) {
        return ReportingClock.proposed(US_FDA, CORRECTION_REPORT, workDays.after(startedAt, CORRECTION_WORK_DAYS));
    }

    /**
     * The clocks of a report triaged again with {@code proposed} duties (their deadlines from its first
     * awareness): a running clock takes the new basis and deadline, an ended one stays, a new regime is added,
     * a regime no longer proposed keeps its clock.
     */
    public static List<ReportingClock> reclassified(List<ReportingClock> current, List<ReportingClock> proposed) {
        return merge(current, proposed, (now, next) -> now.running() ? now.due(next.basis(), next.deadline()) : now);
    }

    /**
     * The clocks after a follow-up report whose information arrived at {@code newInformationAt}, with the
     * duties {@code proposed} for it: per regime, a running clock keeps the sooner deadline, a clock signed
     * not reportable is replaced by the proposal, a submitted one becomes the follow-up report (for the FDA
     * the supplemental report of 803.56), numbered one more (MDR Art. 87(6)); a regime not proposed keeps its
     * clock.
     */
    public static List<ReportingClock> followedUp(
            List<ReportingClock> current, List<ReportingClock> proposed, Instant newInformationAt) {
        return merge(current, proposed, (now, next) -> switch (now.state()) {
            case OPEN, MISSED ->
                next.deadline().isBefore(now.deadline()) ? now.due(next.basis(), next.deadline()) : now;
            case NOT_REPORTABLE -> next.numbered(now.followUpNumber());
            case SUBMITTED ->
                (now.regime().equals(US_FDA)
                                ? ReportingClock.proposed(
                                        US_FDA, SUPPLEMENTAL_REPORT, newInformationAt.plus(SUPPLEMENTAL_PERIOD))
                                : next)
                        .numbered(now.followUpNumber() + 1);
        });
    }

    /** Per regime: the current clock, the proposed one where none is, or both merged (current first). */
    private static List<ReportingClock> merge(
            List<ReportingClock> current, List<ReportingClock> proposed, BinaryOperator<ReportingClock> merge) {
        Map<String, ReportingClock> byRegime = new LinkedHashMap<>();
        current.forEach(clock -> byRegime.put(clock.regime(), clock));
        proposed.forEach(next -> byRegime.merge(next.regime(), next, merge));
        return List.copyOf(byRegime.values());
    }
}
