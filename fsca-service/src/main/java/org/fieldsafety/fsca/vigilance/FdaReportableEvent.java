package org.fieldsafety.fsca.vigilance;

/**
 * The type of reportable event (Form FDA 3500A block H1): a death or a serious injury the device may have
 * caused or contributed to, otherwise a malfunction that would be likely to cause or contribute to one if
 * it recurred (21 CFR 803.50(a)). An unknown outcome is reported as a malfunction: the device problem is
 * known, the harm is not, and the narrative says so.
 */
public enum FdaReportableEvent {
    DEATH("Death"),
    SERIOUS_INJURY("Serious injury"),
    MALFUNCTION("Malfunction");

    private final String label;

    FdaReportableEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FdaReportableEvent of(PatientOutcome outcome) {
        return switch (outcome) {
            case DEATH -> DEATH;
            case SERIOUS_INJURY -> SERIOUS_INJURY;
            default -> MALFUNCTION;
        };
    }
}
