package org.fieldsafety.changecontrol;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.config.Configurer;
import org.fieldsafety.changecontrol.change.ChangeRequest;
import org.fieldsafety.changecontrol.change.query.ChangeRequestProjection;
import org.fieldsafety.changecontrol.messaging.ChangeRequestPublisher;
import org.fieldsafety.changecontrol.problem.ProblemReport;
import org.fieldsafety.changecontrol.problem.query.ProblemReportProjection;
import org.fieldsafety.eventstore.AxonModule;

/** The change request and problem report aggregates and the event handlers that follow them. */
@ApplicationScoped
class ChangeControlAxonModule implements AxonModule {

    private final ChangeRequestProjection projection;
    private final ProblemReportProjection problemReports;
    private final ChangeRequestPublisher publisher;

    ChangeControlAxonModule(
            ChangeRequestProjection projection,
            ProblemReportProjection problemReports,
            ChangeRequestPublisher publisher) {
        this.projection = projection;
        this.problemReports = problemReports;
        this.publisher = publisher;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.configureAggregate(ChangeRequest.class);
        configurer.configureAggregate(ProblemReport.class);
        configurer
                .eventProcessing()
                .registerEventHandler(c -> projection)
                .registerEventHandler(c -> problemReports)
                .registerEventHandler(c -> publisher);
    }
}
