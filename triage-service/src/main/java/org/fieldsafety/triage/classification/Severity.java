package org.fieldsafety.triage.classification;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;

/**
 * ISO 14971 severity (1 negligible, 2 minor, 3 serious, 4 critical, 5 catastrophic) of a report whose
 * fault the hazard catalogue does not know, taken from the observed patient outcome.
 *
 * <p>An UNKNOWN (or missing) outcome takes the worst harm the software item's IEC 62304 class allows
 * (A 2, B 3, C 5): the class states the worst harm a failure of the item can contribute to, and an
 * unclassified item is class C, so an unknown outcome on an unknown item is the worst case, 5 ("when in
 * doubt, report", MDR Art. 87 guidance MDCG 2023-3).
 */
public final class Severity {

    private Severity() {}

    public static int fromOutcome(PatientOutcome outcome, SafetyClass safetyClass) {
        if (outcome == null) {
            return safetyClass.worstSeverity();
        }
        return switch (outcome) {
            case DEATH -> 5;
            case SERIOUS_INJURY -> 4;
            case NON_SERIOUS_INJURY -> 3;
            case NO_HARM -> 2;
            case NONE -> 1;
            case UNKNOWN -> safetyClass.worstSeverity();
        };
    }

    /** The observed severity when the outcome is known, otherwise 0 (nothing observed). */
    public static int observed(PatientOutcome outcome) {
        return outcome == null || outcome == PatientOutcome.UNKNOWN ? 0 : fromOutcome(outcome, SafetyClass.A);
    }
}
