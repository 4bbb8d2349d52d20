package org.fieldsafety.triage.classification;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;

/**
 * The one ISO 14971 severity scale of the system: 1 negligible, 2 minor (temporary, no intervention), 3
 * needs medical intervention (no lasting harm), 4 critical (permanent impairment, life-threatening, or
 * intervention to preclude either), 5 catastrophic (death). The harms the regulations call serious (a
 * serious deterioration of health under MDR Art. 2(65), a serious injury under 21 CFR 803.3) are 4 and 5,
 * {@link #SERIOUS}; no outcome is mapped onto those numbers unless it is serious, and a harm below them
 * never makes a report serious on its own.
 *
 * <p>An observed outcome maps onto the scale: death 5, serious injury 4, non-serious injury 3 (the worst
 * a non-serious injury can be), no harm and none 1. An UNKNOWN (or missing) outcome observes nothing: the
 * severity is then the catalogue's for a known fault, else the worst harm the item's IEC 62304 class
 * allows ({@link SafetyClass#worstSeverity}).
 */
public final class Severity {

    /** The lowest severity of a serious harm: serious injury or deterioration of health, and death. */
    public static final int SERIOUS = 4;

    private static final String[] NAMES = {"negligible", "minor", "needs intervention", "critical", "catastrophic"};

    private Severity() {}

    /** The severity of an observed outcome, 0 when nothing was observed (UNKNOWN or missing). */
    public static int observed(PatientOutcome outcome) {
        if (outcome == null) {
            return 0;
        }
        return switch (outcome) {
            case DEATH -> 5;
            case SERIOUS_INJURY -> SERIOUS;
            case NON_SERIOUS_INJURY -> 3;
            case NO_HARM, NONE -> 1;
            case UNKNOWN -> 0;
        };
    }

    /**
     * A report's severity: the catalogued severity of its fault raised to the observed outcome when that is
     * worse; for a fault the catalogue does not know, the observed outcome, or, when nothing was observed,
     * the worst harm of the item's class.
     *
     * @param catalogued the catalogue's severity of the fault, null when the catalogue does not know it
     */
    public static int of(Integer catalogued, PatientOutcome outcome, SafetyClass safetyClass) {
        int observed = observed(outcome);
        if (catalogued != null) {
            return Math.max(catalogued, observed);
        }
        return observed > 0 ? observed : safetyClass.worstSeverity();
    }

    /** The level's name on the scale ({@code 4} is "critical"). */
    public static String name(int severity) {
        return NAMES[severity - 1];
    }
}
