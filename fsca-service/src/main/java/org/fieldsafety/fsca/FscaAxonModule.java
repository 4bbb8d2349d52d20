package org.fieldsafety.fsca;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.eventstore.CachedAggregates;
import org.fieldsafety.fsca.cases.CaseDuties;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.cases.messaging.FscaMilestonePublisher;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;
import org.fieldsafety.platform.time.UsWorkDays;

/**
 * The FSCA case aggregate and the event handlers that follow it. The case's command handlers get its
 * reporting rules ({@link CaseDuties}, with the service's work-day calendar) as a parameter.
 */
@ApplicationScoped
class FscaAxonModule implements AxonModule {

    private final FscaCaseProjection projection;
    private final FscaMilestonePublisher publisher;
    private final CachedAggregates aggregates;
    private final CaseDuties duties;

    FscaAxonModule(
            CachedAggregates aggregates,
            FscaCaseProjection projection,
            FscaMilestonePublisher publisher,
            UsWorkDays workDays) {
        this.projection = projection;
        this.publisher = publisher;
        this.aggregates = aggregates;
        this.duties = new CaseDuties(workDays);
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(CaseDuties.class, c -> duties);
        configurer.configureAggregate(aggregates.of(FscaCase.class));
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
    }
}
