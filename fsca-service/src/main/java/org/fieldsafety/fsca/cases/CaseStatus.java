package org.fieldsafety.fsca.cases;

/** Where a case stands in its workflow; the order is the order of the steps (a case only moves forward). */
public enum CaseStatus {
    OPEN,
    DECIDED,
    AUTHORITY_NOTIFIED,
    FSN_ISSUED,
    EFFECTIVENESS_VERIFIED,
    CLOSED
}
