package org.fieldsafety.fsca.vigilance;

import org.fieldsafety.fsca.cases.TrendSignal;

/**
 * The trend report of a trend episode recorded on a case (MDR Art. 88): one report to the EU per
 * statistically significant increase, identified by the episode's signal. Art. 88 sets no period, and MDCG
 * 2023-3 gives none; the reading that reports is taken: the report is due when the increase was
 * established, the signal's raising, so a trend report is never shown as having time to spare. The trend
 * counts reports worldwide (decision 0011), so it is reported to the EU whatever the product's markets.
 * Other regimes' trend duties are not derived here.
 */
public final class TrendReports {

    static final String BASIS = "MDR Art. 88";

    private TrendReports() {}

    /** The EU trend report of {@code signal} on case {@code caseId}. */
    public static ReportingDuty due(String caseId, TrendSignal signal) {
        return new ReportingDuty(
                caseId, signal.signalId(), Regime.EU_MDR, VigilanceReportKind.TREND, BASIS, signal.raisedAt(), 0);
    }
}
