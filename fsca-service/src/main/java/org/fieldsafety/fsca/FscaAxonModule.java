package org.fieldsafety.fsca;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;
import org.fieldsafety.fsca.messaging.FscaMilestonePublisher;

/** The FSCA case aggregate and the event handlers that follow it. */
@ApplicationScoped
class FscaAxonModule implements AxonModule {

    private final FscaCaseProjection projection;
    private final FscaMilestonePublisher publisher;

    FscaAxonModule(FscaCaseProjection projection, FscaMilestonePublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(FscaCase.class);
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
    }
}
