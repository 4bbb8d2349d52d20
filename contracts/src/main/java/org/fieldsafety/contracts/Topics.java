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
     * are event streams keyed by product, problem or case, and compaction would keep only the last event of
     * each key and lose the history. Neither deleted by size.
     */
    public static final Map<String, String> CONFIG =
            Map.of("cleanup.policy", "delete", "retention.ms", "-1", "retention.bytes", "-1");

    /**
     * Partitions per topic: messages of one key stay in one partition, so in order. Twelve lets a consumer
     * group grow to twelve busy instances and spreads the partitions evenly over 2, 3, 4 or 6 of them
     * (decision 0020). Fixed before a topic's first message: more partitions later would move keys to other
     * partitions and break their order while both are read.
     */
    public static final int PARTITIONS = 12;

    private Topics() {}

    /**
     * The key of a report on {@link #REPORTS}, and its {@code ce_subject}: the product and the fault code
     * ({@code "<productId>/<faultCode>"}, an empty fault code for none). Every report of one problem (triage's
     * problem: product, software item, fault code) has the same key, so one partition holds a problem's
     * reports in order, while a busy product's faults spread over the partitions (decision 0020). Intake
     * cannot key by the problem itself: a report without its software item gets it from the product's
     * hazard catalogue, which only triage holds.
     */
    public static String reportKey(String productId, String faultCode) {
        return productId + "/" + (faultCode == null ? "" : faultCode);
    }

    /** The dead-letter topic of a consumed topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
