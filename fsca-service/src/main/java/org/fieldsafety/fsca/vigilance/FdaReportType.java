package org.fieldsafety.fsca.vigilance;

import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The type of an FDA medical device report (Form FDA 3500A block G7, and H2 for a follow-up), decided by
 * the report's kind: a 5-day report of an event that needs remedial action to prevent an unreasonable risk
 * of substantial harm to public health (21 CFR 803.53), a 30-day report of a death, serious injury or
 * malfunction (21 CFR 803.50), and a supplemental report of information that was not known or available
 * at first (21 CFR 803.56), to which the EU's follow-up and final reports correspond.
 */
public enum FdaReportType {
    FIVE_DAY("5-day"),
    THIRTY_DAY("30-day"),
    SUPPLEMENTAL("Follow-up");

    private final String label;

    FdaReportType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FdaReportType of(VigilanceReportKind kind) {
        return switch (kind) {
            case FIVE_DAY -> FIVE_DAY;
            case INITIAL -> THIRTY_DAY;
            case SUPPLEMENTAL, FOLLOW_UP, FINAL -> SUPPLEMENTAL;
            default ->
                throw new InvalidInput(
                        "not-a-medical-device-report",
                        "A " + kind + " report is not a 21 CFR 803 medical device report");
        };
    }
}
