package org.fieldsafety.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.deadletter.ParkingPolicy;

/**
 * The Axon configuration the event-sourced services run with, and the one the benchmarks measure: JDBC
 * event store and token store with the snake_case schema of {@code db/event-store}, Jackson for every
 * serializer (no XStream), a 50 ms event fetch delay instead of Axon's 1 s, and pooled streaming processors
 * that split the event stream into {@code segments} by aggregate (each aggregate's events stay in order in
 * one segment) and take 100 events per transaction: the instances of a service share the segments, so with
 * more than one a second instance takes part of the work instead of waiting as a standby. Publishers keep
 * one segment ({@link #inStoreOrder}). The count applies when a processor first starts (its token entries
 * are made then). A handler that fails is retried, never skipped; an
 * event it cannot apply for good is parked in its processing group's dead-letter queue ({@link
 * ParkingPolicy}, table {@code dead_letter_entry}) so the processor goes on with the others. Every event
 * carries who asked for the command that caused it ({@link AuditedCommands#WHO}) and the trace of what caused
 * that ({@link AuditedCommands#TRACEPARENT}). Plain Axon: {@link
 * EventStoreRuntime} gives it Quarkus' datasource and JTA transactions, the benchmark a pooled datasource
 * and JDBC transactions.
 */
public final class EventStoreConfiguration {

    /** New events reach tracking processors at once when appended here; this bounds the poll otherwise. */
    private static final long FETCH_DELAY_MS = 50;

    /**
     * Segments per processor unless {@code fieldsafety.event-processing.segments} says otherwise: four, so the
     * two instances the production manifests run take two each, and a processor that rebuilds its read model
     * or works off a backlog has four batches in flight instead of two; each waits mostly on its commit, so
     * the replay benchmark ran about 1.7 times as fast with four as with two, at the same CPU per report in
     * the latency benchmark (decision 0029). A processor that publishes keeps one whatever the count ({@link
     * #inStoreOrder}).
     */
    public static final int SEGMENTS = 4;

    private static final int BATCH_SIZE = 100;
    private static final String UNIQUE_VIOLATION = "23505";

    private EventStoreConfiguration() {}

    /**
     * The configuration on {@code connections} and {@code transactions}, serializing with a copy of
     * {@code json} that ignores unknown properties, with {@code segments} per event processor; callers add
     * their aggregates and handlers and build it.
     */
    public static Configurer configurer(
            ConnectionProvider connections, TransactionManager transactions, ObjectMapper json, int segments) {
        System.setProperty("disable-axoniq-console-message", "true");
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .build();
        JdbcEventStorageEngine engine = withoutSnapshots(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(writesOnly(transactions))
                .schema(eventSchema())
                .dataType(byte[].class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(EventStoreConfiguration::isDuplicateKey));
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(engine)
                        .fetchDelay(FETCH_DELAY_MS)
                        .timeUnit(TimeUnit.MILLISECONDS)
                        .build());
        configurer.configureCorrelationDataProviders(c -> List.of(
                new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(AuditedCommands.WHO, AuditedCommands.TRACEPARENT)));
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing
                .usingPooledStreamingEventProcessors(
                        (c, builder) -> builder.initialSegmentCount(segments).batchSize(BATCH_SIZE))
                // a failing handler stops its segment, which retries the event: never skip an event
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .contentType(byte[].class)
                        .schema(tokenSchema())
                        .build())
                .registerDefaultDeadLetterPolicy(c -> new ParkingPolicy())
                .registerDeadLetterQueueProvider(group -> {
                    // known processing groups only become known here, so their invokers are set up here too:
                    // a cache of the aggregates with parked events spares a lookup in the queue per event
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (c, invoker) -> invoker.enableSequenceIdentifierCache());
                    return c -> JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(group)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .schema(deadLetterSchema())
                            .genericSerializer(serializer)
                            .eventSerializer(serializer)
                            .build();
                });
        return configurer;
    }

    /**
     * Keeps the processor of {@code processingGroup} at one segment, whatever the count of the others: a
     * publisher sends the events of all its aggregates in the event store's order, so the milestones of a
     * product's several records leave in order, as the topics promise per product key. Its work is not
     * split across instances; the read models' is.
     */
    public static void inStoreOrder(Configurer configurer, String processingGroup) {
        configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        processingGroup, (c, builder) -> builder.initialSegmentCount(1));
    }

    /**
     * The event store's own transactions, for its writes only: a read (a processor's fetch of new events and
     * its check for a gap, an aggregate's events) runs in the transaction of its caller, or as single
     * statements without one. Under PostgreSQL's read committed every statement sees its own snapshot, inside
     * a transaction or not, so a transaction of its own gave a read nothing but its begin and commit; fsca's
     * processors began about 200 such transactions a second at 1,000 reports/s.
     */
    static TransactionManager writesOnly(TransactionManager transactions) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                return transactions.startTransaction();
            }

            @Override
            public <T> T fetchInTransaction(Supplier<T> read) {
                return read.get();
            }
        };
    }

    /**
     * The engine of {@code builder}, which reads no snapshots: no aggregate here is snapshotted (each loaded one
     * stays in its {@link CachedAggregates} cache), yet Axon looks for a snapshot before every load from the
     * store. fsca ran about 6,000 of these empty reads a minute at 1,000 reports/s, most for the vigilance
     * report drafts it creates if missing.
     */
    static JdbcEventStorageEngine withoutSnapshots(JdbcEventStorageEngine.Builder builder) {
        return new JdbcEventStorageEngine(builder) {
            @Override
            public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
                return Optional.empty();
            }
        };
    }

    private static boolean isDuplicateKey(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    private static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    private static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }
}
