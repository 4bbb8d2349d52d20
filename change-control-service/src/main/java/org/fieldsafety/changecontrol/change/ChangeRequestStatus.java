package org.fieldsafety.changecontrol.change;

/** Where a change request stands in its workflow (IEC 62304 6.2, 8.2). */
public enum ChangeRequestStatus {
    RAISED,
    IMPACT_ANALYSED,
    APPROVED,
    IMPLEMENTED
}
