package org.fieldsafety.triage.classification;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;

/**
 * EU MDR Art. 2(65): a serious incident is an incident that directly or indirectly led, might have led
 * or might lead to death, a serious deterioration of health, or a serious public health threat.
 *
 * <p>Encoded as: the outcome was death or serious injury, or the harm the fault can lead to is critical
 * or catastrophic (severity 4 or 5), or the hazard is flagged as a serious public health threat.
 */
public final class SeriousIncident {

    public static final int SERIOUS_SEVERITY = 4;

    private SeriousIncident() {}

    public static boolean isSerious(PatientOutcome outcome, int severity, boolean publicHealthThreat) {
        return outcome == PatientOutcome.DEATH
                || outcome == PatientOutcome.SERIOUS_INJURY
                || severity >= SERIOUS_SEVERITY
                || publicHealthThreat;
    }

    /**
     * FSCA candidacy (MDR Art. 89): an UNACCEPTABLE risk, any serious incident, or a trend signal (Art. 88)
     * on the report's problem.
     */
    public static boolean isFscaCandidate(RiskRegion region, boolean serious, boolean trendSignal) {
        return serious || region == RiskRegion.UNACCEPTABLE || trendSignal;
    }
}
