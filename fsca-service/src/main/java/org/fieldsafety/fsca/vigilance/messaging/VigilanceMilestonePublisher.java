package org.fieldsafety.fsca.vigilance.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.contracts.VigilanceReportAcknowledged;
import org.fieldsafety.contracts.VigilanceReportSubmitted;
import org.fieldsafety.eventstore.OutboxMessages;
import org.fieldsafety.fsca.Channels;
import org.fieldsafety.fsca.vigilance.ReportingDuty;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.OutgoingChannels;

/**
 * Publishes the vigilance reports' milestones (submitted; acknowledged or rejected) on the FSCA topic, keyed
 * by case like the case's own, with the event store as the outbox (as the case milestones are).
 */
@Singleton
@ProcessingGroup(VigilanceMilestonePublisher.PROCESSING_GROUP)
public class VigilanceMilestonePublisher {

    public static final String PROCESSING_GROUP = "vigilance-milestones";
    private final CloudEvents events;

    VigilanceMilestonePublisher(OutgoingChannels channels) {
        this.events = channels.events(Channels.FSCA_OUT, "/fsca-service");
    }

    @EventHandler
    void on(VigilanceReportEvent.VigilanceReportSubmitted event, EventMessage<?> message) {
        ReportingDuty duty = event.duty();
        publish(
                duty,
                message,
                VigilanceReportSubmitted.TYPE,
                new VigilanceReportSubmitted(
                        event.reportId(),
                        duty.caseId(),
                        duty.incidentReportId(),
                        duty.regime().name(),
                        duty.kind().name(),
                        duty.basis(),
                        duty.dueAt(),
                        event.reference(),
                        event.submittedAt(),
                        event.late(),
                        event.sha256(),
                        event.signature().signer()));
    }

    @EventHandler
    void on(VigilanceReportEvent.VigilanceReportAcknowledged event, EventMessage<?> message) {
        publish(
                event.duty(),
                message,
                VigilanceReportAcknowledged.TYPE,
                answer(event.reportId(), event.duty(), true, event.authorityReference(), null, event.acknowledgedAt()));
    }

    @EventHandler
    void on(VigilanceReportEvent.VigilanceReportRejected event, EventMessage<?> message) {
        publish(
                event.duty(),
                message,
                VigilanceReportAcknowledged.TYPE,
                answer(event.reportId(), event.duty(), false, null, event.reason(), event.rejectedAt()));
    }

    private static VigilanceReportAcknowledged answer(
            String reportId,
            ReportingDuty duty,
            boolean accepted,
            String authorityReference,
            String reason,
            Instant at) {
        return new VigilanceReportAcknowledged(
                reportId,
                duty.caseId(),
                duty.incidentReportId(),
                duty.regime().name(),
                duty.kind().name(),
                accepted,
                authorityReference,
                reason,
                at);
    }

    /** As {@link OutboxMessages} makes it (the stored event's id, time and trace), keyed by the report's case. */
    private void publish(ReportingDuty duty, EventMessage<?> message, String type, Object payload) {
        OutboxMessages.publish(events, type, duty.caseId(), message, payload);
    }
}
