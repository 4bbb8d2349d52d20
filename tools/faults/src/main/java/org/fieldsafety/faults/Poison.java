package org.fieldsafety.faults;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Waits;

/**
 * Poison and strangers, sent straight to every topic a service consumes while the load runs. Poison is a
 * record of a type the topic's consumers handle that they cannot process (not JSON, JSON of the wrong
 * shape): each consumer must dead-letter it to the topic's {@code .dlq} with a {@code dead-letter-reason}.
 * A stranger is a record of a CloudEvent type no consumer handles: consumers are tolerant readers that
 * skip what they do not handle, since a shared topic carries several types and gains new ones, so it must
 * not reach the dead letters. Either way every consumer group of the topic must move past the record
 * (commit beyond it): nothing blocks a partition, and the good reports around it still flow.
 */
final class Poison {

    /** A consumed topic, the CloudEvent type its consumers process, and their consumer groups. */
    record Target(String topic, String type, List<String> groups) {}

    static final List<Target> TARGETS = List.of(
            new Target(Topics.REPORTS, FieldReportReceived.TYPE, List.of("triage-service")),
            new Target(Topics.PMS_COMPLAINTS, PmsComplaint.TYPE, List.of("intake-service")),
            new Target(Topics.TRIAGE, ReportTriaged.TYPE, List.of("fsca-service", "change-control-service")),
            new Target(Topics.FSCA, FscaDecisionTaken.TYPE, List.of("change-control-service")),
            new Target(Topics.CHANGE_CONTROL, ChangeRequestMilestone.type("ChangeApproved"), List.of("fsca-service")));

    /** What is sent, in turn. */
    enum Kind {
        NOT_JSON,
        WRONG_SCHEMA,
        /** A stranger: its body no handled type could read, so a consumer must skip it before reading. */
        UNKNOWN_TYPE;

        private static final String WRONG_SHAPE = "{\"reportId\":{\"nested\":true},\"productId\":[1,2],\"problemId\":7,"
                + "\"caseId\":[],\"complaintId\":{},\"changeRequestId\":{},\"severity\":\"high\","
                + "\"fscaCandidate\":\"perhaps\",\"decision\":[\"FSCA_REQUIRED\"]}";

        /** Poison must reach the dead letters; a stranger must not. */
        boolean poison() {
            return this != UNKNOWN_TYPE;
        }

        String payload() {
            return this == NOT_JSON ? "\u0000poison: not JSON at all {" : WRONG_SHAPE;
        }
    }

    /** One record sent: its key is its identity on the dead-letter topic, its offset tells who passed it. */
    record Sent(Target target, Kind kind, String key, TopicPartition partition, long offset) {}

    /**
     * Per topic and kind: records sent, passed by every consumer group, found on the dead-letter topic
     * (poison: at least once per group; a stranger: at all), and dead letters without a reason.
     */
    record Outcome(
            Target target, Kind kind, int sent, int passed, int deadLettered, int withoutReason, Set<String> reasons) {

        boolean passedRules() {
            return passed == sent && withoutReason == 0 && deadLettered == (kind.poison() ? sent : 0);
        }

        boolean settled() {
            return passed == sent && (!kind.poison() || deadLettered == sent);
        }
    }

    private final KafkaProbe kafka;
    private final List<Sent> sent = new ArrayList<>();

    Poison(KafkaProbe kafka) {
        this.kafka = kafka;
    }

    /** Sends {@code perTopic} records to each target, spread over the load's progress, the kinds in turn. */
    void during(Load load, int perTopic) {
        for (int i = 0; i < perTopic; i++) {
            int due = (int) ((long) load.size() * i / perTopic);
            while (!load.finished() && load.accepted() < due) {
                Waits.pause();
            }
            Kind kind = Kind.values()[i % Kind.values().length];
            for (Target target : TARGETS) {
                send(target, kind);
            }
        }
    }

    private void send(Target target, Kind kind) {
        String key = "poison-" + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(target.topic(), key, kind.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", key);
        header(record, "ce_source", "/faults/poison");
        header(record, "ce_type", kind == Kind.UNKNOWN_TYPE ? "org.example.Unknown.v1" : target.type());
        header(record, "content-type", "application/json");
        RecordMetadata where = kafka.send(record);
        sent.add(new Sent(target, kind, key, new TopicPartition(where.topic(), where.partition()), where.offset()));
    }

    /**
     * Waits up to {@code bound} until every consumer group has passed every record sent and every poison
     * record is on its dead-letter topic, then counts. The wait polls in this thread: a Kafka client
     * interrupted by a timeout would leave the counts half read.
     */
    List<Outcome> outcomes(Duration bound) {
        AtomicReference<List<Outcome>> last = new AtomicReference<>(count());
        try {
            await().atMost(bound)
                    .pollInSameThread()
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> {
                        last.set(count());
                        return last.get().stream().allMatch(Outcome::settled);
                    });
        } catch (ConditionTimeoutException e) {
            // the last counts name what is missing
        }
        return last.get();
    }

    private List<Outcome> count() {
        Map<String, Map<TopicPartition, Long>> offsets = new HashMap<>();
        for (Target target : TARGETS) {
            target.groups().forEach(group -> offsets.computeIfAbsent(group, kafka::committed));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : TARGETS) {
            Map<String, List<String>> deadLetters = deadLetters(target.topic());
            for (Kind kind : Kind.values()) {
                int sentCount = 0;
                int passed = 0;
                int deadLettered = 0;
                int withoutReason = 0;
                Set<String> reasons = new HashSet<>();
                for (Sent s : sent) {
                    if (s.target() != target || s.kind() != kind) {
                        continue;
                    }
                    sentCount++;
                    if (target.groups().stream()
                            .allMatch(group -> offsets.get(group).getOrDefault(s.partition(), 0L) > s.offset())) {
                        passed++;
                    }
                    List<String> found = deadLetters.getOrDefault(s.key(), List.of());
                    if (found.size() >= (kind.poison() ? target.groups().size() : 1)) {
                        deadLettered++;
                    }
                    for (String reason : found) {
                        if (reason == null || reason.isBlank()) {
                            withoutReason++;
                        } else {
                            reasons.add(abbreviate(reason));
                        }
                    }
                }
                outcomes.add(new Outcome(target, kind, sentCount, passed, deadLettered, withoutReason, reasons));
            }
        }
        return outcomes;
    }

    /** The dead-letter reasons on the topic's dead-letter topic, by the key of the record sent. */
    private Map<String, List<String>> deadLetters(String topic) {
        Map<String, List<String>> reasons = new HashMap<>();
        kafka.forEach(Topics.deadLetter(topic), record -> {
            if (record.key() != null && record.key().startsWith("poison-")) {
                reasons.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(KafkaProbe.header(record, "dead-letter-reason"));
            }
        });
        return reasons;
    }

    /** The reason's first line, at most 120 characters: Jackson's messages go on with the source. */
    private static String abbreviate(String reason) {
        String line = reason.lines().findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 120) + "...";
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
