package org.fieldsafety.fsca.vigilance;

/** The outcome for the patient as the incident's report gave it (intake's values). */
public enum PatientOutcome {
    DEATH,
    SERIOUS_INJURY,
    NON_SERIOUS_INJURY,
    NO_HARM,
    NONE,
    UNKNOWN
}
