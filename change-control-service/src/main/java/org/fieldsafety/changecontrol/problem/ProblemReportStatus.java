package org.fieldsafety.changecontrol.problem;

/** Where a problem report stands in the problem resolution process (IEC 62304 clause 9). */
public enum ProblemReportStatus {
    OPEN,
    INVESTIGATED,
    CHANGE_REQUESTED,
    NO_ACTION,
    RESOLUTION_VERIFIED,
    CLOSED
}
