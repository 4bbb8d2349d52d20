package org.fieldsafety.platform.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * What a log line is about, in the logging context (MDC) of the request or message being processed: the
 * report, the FSCA case and the CloudEvent id. In production every line is one JSON object carrying these
 * fields ({@code quarkus-logging-json}), so that one report can be followed through the logs of every
 * service. Quarkus keeps the MDC per Vert.x context, so a request's or a record's context does not leak
 * into another's.
 */
public final class LogContext {

    public static final String REPORT_ID = "reportId";
    public static final String CASE_ID = "caseId";
    public static final String CE_ID = "ce_id";

    private static final List<String> KEYS = List.of(REPORT_ID, CASE_ID, CE_ID);

    private LogContext() {}

    /** {@code value} under {@code key} from now on; null removes the key. */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** The keys of this class that are set now. */
    public static Map<String, String> current() {
        Map<String, String> current = new LinkedHashMap<>();
        for (String key : KEYS) {
            Object value = MDC.get(key);
            if (value != null) {
                current.put(key, value.toString());
            }
        }
        return current;
    }

    /** Removes every key of this class. */
    public static void clear() {
        KEYS.forEach(MDC::remove);
    }

    /** Runs {@code action} with {@code context} as the only keys of this class, and clears them after. */
    public static void with(Map<String, String> context, Runnable action) {
        clear();
        context.forEach(LogContext::put);
        try {
            action.run();
        } finally {
            clear();
        }
    }
}
