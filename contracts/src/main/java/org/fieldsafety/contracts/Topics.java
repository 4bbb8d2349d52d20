package org.fieldsafety.contracts;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kafka topics between the services and to the PMS system; a topic's name carries its version. */
public final class Topics {

    public static final String REPORTS = "fieldsafety.reports.v1";
    public static final String PMS_COMPLAINTS = "pms.complaints.v1";
    public static final String TRIAGE = "fieldsafety.triage.v1";
    public static final String FSCA = "fieldsafety.fsca.v1";
    public static final String CHANGE_CONTROL = "fieldsafety.change-control.v1";

    /** The topics events travel on, in the order of the flow. */
    public static final List<String> EVENT_TOPICS = List.of(REPORTS, PMS_COMPLAINTS, TRIAGE, FSCA, CHANGE_CONTROL);

    /**
     * Every topic to create: the event topics and a dead-letter topic for each (every event topic has a
     * consumer in the system or at the PMS).
     */
    public static final List<String> ALL = EVENT_TOPICS.stream()
            .flatMap(topic -> Stream.of(topic, deadLetter(topic)))
            .toList();

    /**
     * The configuration every topic is created with: messages are kept for ever, so a PMS (or a new
     * consumer) can re-read each topic from its start. Deleted by time never, and not compacted: the topics
     * are event streams keyed by product or case, and compaction would keep only the last event of each
     * key and lose the history. Neither deleted by size.
     */
    public static final Map<String, String> CONFIG =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");

    /** Partitions per topic: messages of one key stay in one partition, so in order. */
    public static final int PARTITIONS = 4;

    private Topics() {}

    /** The dead-letter topic of a consumed topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
