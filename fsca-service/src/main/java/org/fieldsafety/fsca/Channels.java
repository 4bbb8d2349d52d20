package org.fieldsafety.fsca;

/** The service's messaging channels; their topics are set in application.properties. */
public final class Channels {

    public static final String TRIAGE_IN = "triage-in";
    public static final String TRIAGE_DLQ = "triage-dlq";
    public static final String FSCA_OUT = "fsca-out";
    public static final String CHANGE_CONTROL_IN = "change-control-in";
    public static final String CHANGE_CONTROL_DLQ = "change-control-dlq";

    private Channels() {}
}
