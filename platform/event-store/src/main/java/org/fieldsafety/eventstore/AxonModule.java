package org.fieldsafety.eventstore;

import org.axonframework.config.Configurer;

/** What a service adds to Axon (its aggregates, event handlers, processors): a CDI bean per module. */
public interface AxonModule {

    void configure(Configurer configurer);
}
