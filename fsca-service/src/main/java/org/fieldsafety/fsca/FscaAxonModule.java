package org.fieldsafety.fsca;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.eventstore.CachedAggregates;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.cases.messaging.FscaMilestonePublisher;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;

/**
 * The FSCA case aggregate and the event handlers that follow it. Every event carries who asked for the
 * command that caused it ({@link AuditedCommands#WHO}), next to Axon's own correlation data.
 */
@ApplicationScoped
class FscaAxonModule implements AxonModule {

    private final FscaCaseProjection projection;
    private final FscaMilestonePublisher publisher;
    private final CachedAggregates aggregates;

    FscaAxonModule(CachedAggregates aggregates, FscaCaseProjection projection, FscaMilestonePublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
        this.aggregates = aggregates;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureCorrelationDataProviders(
                c -> List.of(new MessageOriginProvider(), new SimpleCorrelationDataProvider(AuditedCommands.WHO)));
        configurer.configureAggregate(aggregates.of(FscaCase.class));
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
    }
}
