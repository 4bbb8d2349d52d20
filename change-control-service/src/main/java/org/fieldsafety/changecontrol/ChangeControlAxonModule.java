package org.fieldsafety.changecontrol;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.changecontrol.change.ChangeRequest;
import org.fieldsafety.changecontrol.change.query.ChangeRequestProjection;
import org.fieldsafety.changecontrol.messaging.ChangeRequestPublisher;
import org.fieldsafety.eventstore.AxonModule;

/** The change request aggregate and the event handlers that follow it. */
@ApplicationScoped
class ChangeControlAxonModule implements AxonModule {

    private final ChangeRequestProjection projection;
    private final ChangeRequestPublisher publisher;

    ChangeControlAxonModule(ChangeRequestProjection projection, ChangeRequestPublisher publisher) {
        this.projection = projection;
        this.publisher = publisher;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(ChangeRequest.class);
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
    }
}
