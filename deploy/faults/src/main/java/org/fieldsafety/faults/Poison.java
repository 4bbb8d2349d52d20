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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Waits;

/**
 * Poison: records that no consumer can process, sent straight to every topic a service consumes while
 * the load runs. Each must reach the topic's dead-letter topic with a {@code dead-letter-reason}, and
 * the good reports around it must still flow. {@code fieldsafety.change-control.v1} has no consumer in
 * the system, so it has no dead-letter topic and gets no poison.
 */
final class Poison {

    /** A consumed topic and the CloudEvent type its consumers process. */
    record Target(String topic, String type) {}

    static final List<Target> TARGETS = List.of(
            new Target(Topics.REPORTS, FieldReportReceived.TYPE),
            new Target(Topics.PMS_COMPLAINTS, PmsComplaint.TYPE),
            new Target(Topics.TRIAGE, ReportTriaged.TYPE),
            new Target(Topics.FSCA, FscaDecisionTaken.TYPE));

    /** The kinds of garbage, in turn. */
    enum Kind {
        NOT_JSON,
        WRONG_SCHEMA,
        WRONG_TYPE;

        String payload() {
            return switch (this) {
                case NOT_JSON -> "\u0000poison: not JSON at all {";
                case WRONG_SCHEMA ->
                    "{\"reportId\":{\"nested\":true},\"productId\":[1,2],\"problemId\":7,"
                            + "\"caseId\":[],\"complaintId\":{},\"severity\":\"high\",\"fscaCandidate\":\"perhaps\","
                            + "\"decision\":[\"FSCA_REQUIRED\"]}";
                case WRONG_TYPE -> "{\"poison\":\"a valid JSON object of a type nobody handles\"}";
            };
        }
    }

    /** One poison record sent: its key is its identity on the dead-letter topic. */
    record Sent(String topic, Kind kind, String key) {}

    /** Per topic and kind: sent, and found on the dead-letter topic with a reason. */
    record Outcome(String topic, Kind kind, int sent, int deadLettered, int withoutReason, List<String> reasons) {}

    private final KafkaProbe kafka;
    private final List<Sent> sent = new ArrayList<>();

    Poison(KafkaProbe kafka) {
        this.kafka = kafka;
    }

    /** Sends {@code perTopic} poison records to each target, spread over the load's progress. */
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
        header(record, "ce_type", kind == Kind.WRONG_TYPE ? "org.example.Unknown.v1" : target.type());
        header(record, "content-type", "application/json");
        kafka.send(record);
        sent.add(new Sent(target.topic(), kind, key));
    }

    /** Waits up to {@code bound} for every poison record on its dead-letter topic, then counts. */
    List<Outcome> deadLettered(Duration bound) {
        Map<String, Map<String, String>> reasons = new HashMap<>();
        try {
            await().atMost(bound)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        reasons.clear();
                        for (Target target : TARGETS) {
                            Map<String, String> byKey = new HashMap<>();
                            for (ConsumerRecord<String, String> record :
                                    kafka.readAll(Topics.deadLetter(target.topic()))) {
                                if (record.key() != null && record.key().startsWith("poison-")) {
                                    byKey.merge(
                                            record.key(),
                                            String.valueOf(KafkaProbe.header(record, "dead-letter-reason")),
                                            (a, b) -> a.equals("null") ? b : a);
                                }
                            }
                            reasons.put(target.topic(), byKey);
                        }
                        return sent.stream()
                                .allMatch(s -> reasons.get(s.topic()).containsKey(s.key()));
                    });
        } catch (ConditionTimeoutException e) {
            // the outcomes name what is missing
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : TARGETS) {
            for (Kind kind : Kind.values()) {
                List<Sent> these = sent.stream()
                        .filter(s -> s.topic().equals(target.topic()) && s.kind() == kind)
                        .toList();
                Map<String, String> found = reasons.getOrDefault(target.topic(), Map.of());
                Set<String> distinctReasons = new HashSet<>();
                int deadLettered = 0;
                int withoutReason = 0;
                for (Sent s : these) {
                    String reason = found.get(s.key());
                    if (reason != null) {
                        deadLettered++;
                        if (reason.equals("null") || reason.isBlank()) {
                            withoutReason++;
                        } else {
                            distinctReasons.add(abbreviate(reason));
                        }
                    }
                }
                outcomes.add(new Outcome(
                        target.topic(), kind, these.size(), deadLettered, withoutReason, List.copyOf(distinctReasons)));
            }
        }
        return outcomes;
    }

    private static String abbreviate(String reason) {
        return reason.length() <= 120 ? reason : reason.substring(0, 120) + "...";
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
