package org.fieldsafety.fsca.vigilance;

/**
 * Where a vigilance report stands: DRAFT (proposed by the machine, completed by regulatory affairs),
 * WITHDRAWN (its duty ended without a report: signed not reportable, or superseded by a report of another
 * kind; kept), SUBMITTED (frozen, sent), ACKNOWLEDGED (the authority took it) or REJECTED (the authority
 * refused it; its clock runs again and the report becomes a draft again when the clock is seen running).
 */
public enum VigilanceReportStatus {
    DRAFT,
    WITHDRAWN,
    SUBMITTED,
    ACKNOWLEDGED,
    REJECTED
}
