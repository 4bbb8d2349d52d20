package org.fieldsafety.changecontrol;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.changecontrol.change.ChangeRequest;
import org.fieldsafety.changecontrol.change.messaging.ChangeRequestPublisher;
import org.fieldsafety.changecontrol.change.query.ChangeRequestProjection;
import org.fieldsafety.changecontrol.problem.ProblemReport;
import org.fieldsafety.changecontrol.problem.messaging.ProblemReportPublisher;
import org.fieldsafety.changecontrol.problem.query.ProblemReportProjection;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.eventstore.CachedAggregates;
import org.fieldsafety.eventstore.EventStoreConfiguration;

/** The change request and problem report aggregates and the event handlers that follow them. */
@ApplicationScoped
class ChangeControlAxonModule implements AxonModule {

    private final ChangeRequestProjection projection;
    private final ProblemReportProjection problemReports;
    private final ChangeRequestPublisher publisher;
    private final ProblemReportPublisher problemReportPublisher;
    private final CachedAggregates aggregates;

    ChangeControlAxonModule(
            CachedAggregates aggregates,
            ChangeRequestProjection projection,
            ProblemReportProjection problemReports,
            ChangeRequestPublisher publisher,
            ProblemReportPublisher problemReportPublisher) {
        this.projection = projection;
        this.problemReports = problemReports;
        this.publisher = publisher;
        this.problemReportPublisher = problemReportPublisher;
        this.aggregates = aggregates;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(aggregates.of(ChangeRequest.class));
        configurer.configureAggregate(aggregates.of(ProblemReport.class));
        configurer
                .eventProcessing()
                .registerEventHandler(c -> projection)
                .registerEventHandler(c -> problemReports)
                .registerEventHandler(c -> publisher)
                .registerEventHandler(c -> problemReportPublisher);
        EventStoreConfiguration.inStoreOrder(configurer, Milestones.PROCESSING_GROUP);
    }
}
