package org.fieldsafety.fsca;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.eventstore.CachedAggregates;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.cases.messaging.FscaMilestonePublisher;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;

/** The FSCA case aggregate and the event handlers that follow it. */
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
        configurer.configureAggregate(aggregates.of(FscaCase.class));
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
    }
}
