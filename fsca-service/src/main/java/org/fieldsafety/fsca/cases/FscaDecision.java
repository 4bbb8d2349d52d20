package org.fieldsafety.fsca.cases;

/** The outcome of a case's field-safety assessment (MDR Art. 89). */
public enum FscaDecision {
    FSCA_REQUIRED,
    NO_FSCA
}
