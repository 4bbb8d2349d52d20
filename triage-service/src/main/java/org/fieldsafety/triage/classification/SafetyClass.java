package org.fieldsafety.triage.classification;

/**
 * IEC 62304 clause 4.3 software safety class of a software item: the worst harm a failure of the item
 * can contribute to, before risk controls outside the software. Software not (yet) classified is treated
 * as class C.
 */
public enum SafetyClass {
    /** No injury or damage to health. */
    A(2),
    /** Non-serious injury. */
    B(3),
    /** Serious injury or death. */
    C(5);

    private final int worstSeverity;

    SafetyClass(int worstSeverity) {
        this.worstSeverity = worstSeverity;
    }

    /** IEC 62304 4.3: a missing, blank or unrecognised class is class C. */
    public static SafetyClass of(String value) {
        if (value != null) {
            for (SafetyClass safetyClass : values()) {
                if (safetyClass.name().equalsIgnoreCase(value.trim())) {
                    return safetyClass;
                }
            }
        }
        return C;
    }

    /** The worst ISO 14971 severity (1-5) a failure of an item of this class can contribute to. */
    public int worstSeverity() {
        return worstSeverity;
    }
}
