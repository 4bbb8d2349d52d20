package org.fieldsafety.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Builds and runs one Axon configuration per service: JDBC event store and token store on the
 * service's datasource with the snake_case schema of {@code db/event-store}, Jackson for every
 * serializer, JTA transactions, and what each {@link AxonModule} bean adds. Started eagerly; the
 * gateways are CDI beans.
 */
@Startup
@Singleton
public class EventStoreRuntime {

    /** New events reach tracking processors at once when appended here; this bounds the poll otherwise. */
    private static final long FETCH_DELAY_MS = 50;

    private static final String UNIQUE_VIOLATION = "23505";

    private final Configuration configuration;

    @Inject
    EventStoreRuntime(
            DataSource dataSource,
            jakarta.transaction.TransactionManager jta,
            ObjectMapper objectMapper,
            @Any Instance<AxonModule> modules) {
        System.setProperty("disable-axoniq-console-message", "true");
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .build();
        TransactionManager transactions = new JtaTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(eventSchema())
                .dataType(byte[].class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(EventStoreRuntime::isDuplicateKey)
                .build();

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
        configurer
                .eventProcessing()
                .usingTrackingEventProcessors()
                // a failing handler stops its processor, which retries the event: never skip an event
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100))
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .contentType(byte[].class)
                        .schema(tokenSchema())
                        .build());
        modules.forEach(module -> module.configure(configurer));
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration.eventStore();
    }

    /** Before the datasource closes, so no processor reads from a closed pool. */
    void stop(@Observes ShutdownEvent event) {
        configuration.shutdown();
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
