package org.fieldsafety.changecontrol;

/** The service's messaging channels; their topics are set in application.properties. */
public final class Channels {

    public static final String FSCA_IN = "fsca-in";
    public static final String FSCA_DLQ = "fsca-dlq";
    public static final String TRIAGE_IN = "triage-in";
    public static final String TRIAGE_DLQ = "triage-dlq";
    public static final String CHANGE_CONTROL_OUT = "change-control-out";

    private Channels() {}
}
