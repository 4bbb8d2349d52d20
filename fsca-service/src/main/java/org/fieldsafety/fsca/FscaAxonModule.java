package org.fieldsafety.fsca;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.axonframework.config.Configurer;
import org.fieldsafety.eventstore.AxonModule;
import org.fieldsafety.eventstore.CachedAggregates;
import org.fieldsafety.eventstore.EventStoreConfiguration;
import org.fieldsafety.fsca.cases.CaseDuties;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.cases.messaging.FscaMilestonePublisher;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;
import org.fieldsafety.fsca.vigilance.VigilanceReport;
import org.fieldsafety.fsca.vigilance.drafts.DraftGenerator;
import org.fieldsafety.fsca.vigilance.gateway.GatewayExchange;
import org.fieldsafety.fsca.vigilance.messaging.VigilanceMilestonePublisher;
import org.fieldsafety.fsca.vigilance.periodic.PeriodicSummaryAgreement;
import org.fieldsafety.fsca.vigilance.periodic.query.PeriodicSummaryAgreementProjection;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportProjection;
import org.fieldsafety.platform.time.UsWorkDays;

/**
 * The FSCA case, vigilance report and periodic summary agreement aggregates and the event handlers that follow them. The case's command
 * handlers get its reporting rules ({@link CaseDuties}, with the service's work-day calendar) as a parameter.
 */
@ApplicationScoped
class FscaAxonModule implements AxonModule {

    private final FscaCaseProjection projection;
    private final FscaMilestonePublisher publisher;
    private final CachedAggregates aggregates;
    private final CaseDuties duties;
    private final List<Object> vigilanceHandlers;

    FscaAxonModule(
            CachedAggregates aggregates,
            FscaCaseProjection projection,
            FscaMilestonePublisher publisher,
            UsWorkDays workDays,
            DraftGenerator drafts,
            VigilanceReportProjection reports,
            VigilanceMilestonePublisher reportMilestones,
            GatewayExchange gateway,
            PeriodicSummaryAgreementProjection agreements) {
        this.projection = projection;
        this.publisher = publisher;
        this.aggregates = aggregates;
        this.duties = new CaseDuties(workDays);
        this.vigilanceHandlers = List.of(drafts, reports, reportMilestones, gateway, agreements);
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.registerComponent(CaseDuties.class, c -> duties);
        configurer.configureAggregate(aggregates.of(FscaCase.class));
        configurer.configureAggregate(aggregates.of(VigilanceReport.class));
        configurer.configureAggregate(aggregates.of(PeriodicSummaryAgreement.class));
        configurer.eventProcessing().registerEventHandler(c -> projection).registerEventHandler(c -> publisher);
        vigilanceHandlers.forEach(handler -> configurer.eventProcessing().registerEventHandler(c -> handler));
        EventStoreConfiguration.inStoreOrder(configurer, FscaMilestonePublisher.PROCESSING_GROUP);
        EventStoreConfiguration.inStoreOrder(configurer, VigilanceMilestonePublisher.PROCESSING_GROUP);
    }
}
