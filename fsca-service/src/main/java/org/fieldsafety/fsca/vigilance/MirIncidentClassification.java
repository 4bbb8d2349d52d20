package org.fieldsafety.fsca.vigilance;

/**
 * The classification of a serious incident in field 1.2g of the Manufacturer Incident Report, decided by
 * the reporting duty's basis: a serious public health threat (MDR Art. 87(4)); a death or an unanticipated
 * serious deterioration in state of health (MDR Art. 87(5)), told apart by the patient's outcome; any
 * other serious incident (MDR Art. 87(3)). A basis the rule does not know (another regime's) is read from
 * the outcome: a death is a death, anything else "all other reportable incidents".
 */
public enum MirIncidentClassification {
    SERIOUS_PUBLIC_HEALTH_THREAT("Serious public health threat"),
    DEATH("Death"),
    UNANTICIPATED_SERIOUS_DETERIORATION("Unanticipated serious deterioration in state of health"),
    OTHER_REPORTABLE("All other reportable incidents");

    private final String label;

    MirIncidentClassification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MirIncidentClassification of(String basis, PatientOutcome outcome) {
        boolean death = outcome == PatientOutcome.DEATH;
        if ("Art. 87(4)".equals(basis)) {
            return SERIOUS_PUBLIC_HEALTH_THREAT;
        }
        if ("Art. 87(5)".equals(basis)) {
            return death ? DEATH : UNANTICIPATED_SERIOUS_DETERIORATION;
        }
        return death ? DEATH : OTHER_REPORTABLE;
    }
}
