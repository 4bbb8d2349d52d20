package org.fieldsafety.triage;

/** The messaging channels of triage; application.properties binds them to topics. */
public final class Channels {

    /** {@link org.fieldsafety.contracts.Topics#REPORTS}, consumed in batches. */
    public static final String REPORTS_IN = "reports-in";
    /** {@link org.fieldsafety.contracts.Topics#TRIAGE}. */
    public static final String TRIAGE_OUT = "triage-out";
    /** The dead-letter topic of {@link org.fieldsafety.contracts.Topics#REPORTS}. */
    public static final String REPORTS_DLQ = "reports-dlq";

    private Channels() {}
}
