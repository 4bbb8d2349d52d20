package org.fieldsafety.fsca.cases;

/** Whether the FSCA achieved its aim (MDR Art. 89; ISO 13485 8.5.2: verify the action is effective). */
public enum EffectivenessOutcome {
    PASSED,
    FAILED
}
