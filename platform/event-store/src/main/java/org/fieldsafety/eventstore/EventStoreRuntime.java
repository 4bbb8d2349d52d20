package org.fieldsafety.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.eventstore.audit.StoredAggregates;

/**
 * Builds and runs one Axon configuration per service ({@link EventStoreConfiguration}) on the service's
 * datasource with JTA transactions, with what each {@link AxonModule} bean adds, every event stored passing
 * {@link StoredAggregates}. Started eagerly; the gateways are CDI beans.
 */
@Startup
@Singleton
public class EventStoreRuntime {

    private final Configuration configuration;

    @Inject
    EventStoreRuntime(
            DataSource dataSource,
            jakarta.transaction.TransactionManager jta,
            ObjectMapper objectMapper,
            @ConfigProperty(
                            name = "fieldsafety.event-processing.segments",
                            defaultValue = "" + EventStoreConfiguration.SEGMENTS)
                    int segments,
            @Any Instance<AxonModule> modules,
            StoredAggregates stored) {
        Configurer configurer = EventStoreConfiguration.configurer(
                dataSource::getConnection, new JtaTransactionManager(jta), objectMapper, segments);
        modules.forEach(module -> module.configure(configurer));
        configuration = configurer.buildConfiguration();
        configuration.eventStore().registerDispatchInterceptor(stored);
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

    @Produces
    @Singleton
    EventProcessingConfiguration eventProcessing() {
        return configuration.eventProcessingConfiguration();
    }

    /** Before the datasource closes, so no processor reads from a closed pool. */
    void stop(@Observes ShutdownEvent event) {
        configuration.shutdown();
    }
}
