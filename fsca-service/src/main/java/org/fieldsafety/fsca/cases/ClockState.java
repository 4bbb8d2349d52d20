package org.fieldsafety.fsca.cases;

/**
 * Where a reporting clock stands: OPEN (proposed, or confirmed reportable, and not yet reported),
 * NOT_REPORTABLE (ended by a signed rationale), SUBMITTED (ended by the report), MISSED (open past its
 * deadline: never recorded, read from the time of reading).
 */
public enum ClockState {
    OPEN,
    NOT_REPORTABLE,
    SUBMITTED,
    MISSED
}
