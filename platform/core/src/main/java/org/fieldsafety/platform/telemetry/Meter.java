package org.fieldsafety.platform.telemetry;

import java.util.List;

/**
 * The figures an operator runs the system by: every business meter the services register, with its type,
 * tags and meaning, and the few meters Quarkus' binders register that the dashboard and the alert rules of
 * {@code deploy/monitoring} use. Code registers its meters by these names; the documentation's table and
 * the test of the dashboard and rules are made from this list, so neither can name a meter nobody
 * registers.
 */
public enum Meter {
    REPORTS_ACCEPTED(
            "intake.reports.accepted",
            Type.COUNTER,
            List.of("source"),
            "Field reports accepted (Kafka acknowledged them), by source: API or PMS complaint"),
    REPORTS_REJECTED(
            "intake.reports.rejected",
            Type.COUNTER,
            List.of("reason"),
            "Field report requests answered with a problem, by its code (validation, rate-limited, ...)"),
    REPORTS_PUBLISH(
            "intake.reports.publish", Type.TIMER, List.of(), "Time until Kafka acknowledged a request's reports"),
    TRIAGE_OUTCOMES(
            "fieldsafety.triage.outcomes",
            Type.COUNTER,
            List.of("risk_region", "serious", "fsca_candidate"),
            "Reports triaged for the first time, by risk region, serious incident or not, FSCA candidate or not"),
    CLOCKS_OPEN(
            "fieldsafety.clocks.open",
            Type.GAUGE,
            List.of("regime"),
            "Reporting clocks running and not yet past their deadline, by regime"),
    CLOCKS_DUE(
            "fieldsafety.clocks.due",
            Type.GAUGE,
            List.of("regime"),
            "Of the open clocks, those whose deadline falls within the next 24 hours, by regime"),
    CLOCKS_MISSED(
            "fieldsafety.clocks.missed",
            Type.GAUGE,
            List.of("regime"),
            "Reporting clocks still running past their deadline, by regime"),
    KAFKA_DEAD_LETTERS(
            "fieldsafety.kafka.dead.letters",
            Type.COUNTER,
            List.of("topic"),
            "Consumed records sent to the topic's dead letters (.dlq), by the topic they came from"),
    KAFKA_BATCHES(
            "fieldsafety.kafka.batches",
            Type.TIMER,
            List.of("topic"),
            "Batches a consumer settled and the time from their delivery until settled, by the topic consumed"),
    KAFKA_BATCH_RECORDS(
            "fieldsafety.kafka.batch.records",
            Type.COUNTER,
            List.of("topic"),
            "Records in the batches a consumer settled, by the topic consumed"),
    PARKED_EVENTS(
            "fieldsafety.dead.letters",
            Type.GAUGE,
            List.of("processing_group"),
            "Events parked because a handler of the processing group could not apply them"),
    PROCESSOR_LAG(
            "fieldsafety.axon.processor.lag",
            Type.GAUGE,
            List.of("processing_group"),
            "Events the processing group's slowest segment held by this instance is behind the event store's head"),
    AUDIT_CHAIN_BROKEN(
            "audit.chain.broken",
            Type.GAUGE,
            List.of(),
            "1 while the audit chain of an event-sourced record is broken, else 0"),
    /** Registered by Quarkus' Kafka binder (Micrometer's KafkaClientMetrics) for every consumer. */
    KAFKA_CONSUMER_LAG(
            "kafka.consumer.fetch.manager.records.lag",
            Type.GAUGE,
            List.of("client_id", "topic", "partition"),
            "Records a consumer is behind the partition's end (Kafka's records-lag; Quarkus' Kafka binder)"),
    /** Registered by Quarkus' Kafka binder for every consumer. */
    KAFKA_CONSUMER_LAG_MAX(
            "kafka.consumer.fetch.manager.records.lag.max",
            Type.GAUGE,
            List.of("client_id"),
            "The largest records-lag over the consumer's partitions (Quarkus' Kafka binder)");

    /** How Prometheus shows a meter: a counter gets {@code _total}, a timer its count, sum and maximum. */
    public enum Type {
        COUNTER,
        GAUGE,
        TIMER
    }

    private final String name;
    private final Type type;
    private final List<String> tags;
    private final String description;

    Meter(String name, Type type, List<String> tags, String description) {
        this.name = name;
        this.type = type;
        this.tags = tags;
        this.description = description;
    }

    /** The Micrometer name, dotted. */
    public String meterName() {
        return name;
    }

    public Type type() {
        return type;
    }

    public List<String> tags() {
        return tags;
    }

    public String description() {
        return description;
    }

    /** The series names the Prometheus registry exports for this meter. */
    public List<String> prometheusNames() {
        String base = name.replace('.', '_');
        return switch (type) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER ->
                List.of(
                        base + "_seconds_count",
                        base + "_seconds_sum",
                        base + "_seconds_max",
                        base + "_seconds_bucket");
        };
    }
}
