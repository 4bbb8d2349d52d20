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
     * FSCA candidacy of one report (MDR Art. 89): an UNACCEPTABLE risk or any serious incident. A trend
     * (Art. 88) is not a property of its reports: it is reported once per episode with its count, so the
     * problem's trend signal, not each report in it, puts the problem before regulatory staff.
     */
    public static boolean isFscaCandidate(RiskRegion region, boolean serious) {
        return serious || region == RiskRegion.UNACCEPTABLE;
    }
}
