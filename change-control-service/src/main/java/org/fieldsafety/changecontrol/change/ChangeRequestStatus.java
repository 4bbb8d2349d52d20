package org.fieldsafety.changecontrol.change;

/** Where a change request stands in its workflow (IEC 62304 6.2, 6.3, 8.2). */
public enum ChangeRequestStatus {
    RAISED,
    /** A change altered a safety class (8.2.2): the impact is analysed, and approved, again. */
    IMPACT_ANALYSIS_REQUIRED,
    IMPACT_ANALYSED,
    APPROVED,
    IMPLEMENTED,
    VERIFIED,
    RELEASED,
    COMMUNICATED,
    CLOSED
}
