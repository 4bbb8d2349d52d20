package org.fieldsafety.fsca.vigilance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.fsca.cases.Authorities;

/**
 * The reports of a case's field safety corrective action, one per regime whose authorities the FSCA
 * concerns and that takes the manufacturer's FSCA report:
 *
 * <ul>
 *   <li>EU_MDR: MDR Art. 87(1)(b) asks for every FSCA to be reported, through the electronic system (Art.
 *       92), which makes it available to the competent authorities concerned; so one report names every
 *       Member State concerned. Art. 87(8) asks for it without undue delay and in advance of the FSCA being
 *       undertaken, except in urgency; the FSCA may be undertaken as soon as it is decided, so the reading
 *       that reports is taken: due when an FSCA was first decided required.
 *   <li>UK_MHRA: the GB FSCA report (UK MDR 2002 Part 4A, as amended by SI 2024/1368), due likewise.
 *   <li>US_FDA: the FSCA is reported as the correction or removal report (21 CFR 806.10), a duty of the case
 *       of its own; CA_HC and AU_TGA: no FSCA report document is made here ({@link SubmissionFormat}), their
 *       authorities are notified through the case's notification step.
 * </ul>
 *
 * The authorities concerned are the case's ({@link Authorities#concerned}), as recorded with its decision.
 */
public final class FscaReports {

    static final String EU_BASIS = "MDR Art. 87(1)(b), 87(8)";
    static final String UK_BASIS = "UK MDR 2002 Part 4A";

    /** The regimes that take the manufacturer's FSCA report, with its basis. */
    private static final Map<Regime, String> BASIS = Map.of(Regime.EU_MDR, EU_BASIS, Regime.UK_MHRA, UK_BASIS);

    private FscaReports() {}

    /** The FSCA reports of case {@code caseId} for the authorities {@code concerned}, in regime order. */
    public static List<ReportingDuty> due(String caseId, Instant dueAt, List<Authorities.Authority> concerned) {
        List<String> regimes =
                concerned.stream().map(Authorities.Authority::regime).toList();
        return BASIS.keySet().stream()
                .filter(regime -> regimes.contains(regime.name()))
                .sorted()
                .map(regime -> duty(caseId, regime, dueAt))
                .toList();
    }

    /** The ids of every FSCA report the case may have: withdrawn when the FSCA is revised away. */
    public static List<String> ids(String caseId) {
        return BASIS.keySet().stream()
                .sorted()
                .map(regime -> duty(caseId, regime, Instant.EPOCH).reportId())
                .toList();
    }

    private static ReportingDuty duty(String caseId, Regime regime, Instant dueAt) {
        return new ReportingDuty(caseId, null, regime, VigilanceReportKind.FSCA, BASIS.get(regime), dueAt, 0);
    }
}
