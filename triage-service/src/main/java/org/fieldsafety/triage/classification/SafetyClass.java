package org.fieldsafety.triage.classification;

import java.util.Collection;
import java.util.Comparator;

/**
 * IEC 62304 clause 4.3 software safety class of a software item: the worst harm a failure of the item can
 * contribute to, before risk controls outside the software. Software not (yet) classified is treated as
 * class C.
 */
public enum SafetyClass {
    /** No injury or damage to health: negligible, severity 1. */
    A(1),
    /**
     * Non-serious injury: at worst an injury that needs medical intervention but leaves no lasting harm,
     * severity 3.
     */
    B(3),
    /** Serious injury or death: severity 5. */
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

    /** The worst of the classes (C before B before A); C when there is none. */
    public static SafetyClass worst(Collection<SafetyClass> classes) {
        return classes.stream().max(Comparator.naturalOrder()).orElse(C);
    }

    /** The worst ISO 14971 severity (1-5) a failure of an item of this class can contribute to. */
    public int worstSeverity() {
        return worstSeverity;
    }
}
