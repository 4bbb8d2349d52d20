package org.fieldsafety.contracts;

/** The Kafka topics between the services and to the PMS system; a topic's name carries its version. */
public final class Topics {

    public static final String REPORTS = "fieldsafety.reports.v1";
    public static final String PMS_COMPLAINTS = "pms.complaints.v1";
    public static final String TRIAGE = "fieldsafety.triage.v1";
    public static final String FSCA = "fieldsafety.fsca.v1";
    public static final String CHANGE_CONTROL = "fieldsafety.change-control.v1";

    private Topics() {}

    /** The dead-letter topic of a consumed topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
