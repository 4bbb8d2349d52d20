package org.fieldsafety.changecontrol.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;
import org.fieldsafety.contracts.ChangeRequestRaised;

/**
 * Publishes change request and problem report milestones to Kafka with the event store as the outbox:
 * the tracking processor's token moves on only after Kafka acknowledged, and the CloudEvent id is the
 * stored event's id, stable across redelivery. Every milestone is keyed by product; a later event does
 * not carry the product, so it is read from the aggregate's first event.
 */
@Singleton
@ProcessingGroup(ChangeRequestPublisher.PROCESSING_GROUP)
public class ChangeRequestPublisher {

    public static final String PROCESSING_GROUP = "change-control-milestones";
    private static final URI SOURCE = URI.create("/change-control-service");

    private static final String TYPE_PREFIX = "org.fieldsafety.";
    private static final String TYPE_SUFFIX = ".v1";

    private static final Map<Class<?>, ChangeRequestStatus> CHANGE_REQUEST_STATUS = Map.of(
            ChangeRequestEvent.ImpactAnalysed.class, ChangeRequestStatus.IMPACT_ANALYSED,
            ChangeRequestEvent.ChangeApproved.class, ChangeRequestStatus.APPROVED,
            ChangeRequestEvent.ChangeImplemented.class, ChangeRequestStatus.IMPLEMENTED,
            ChangeRequestEvent.ImpactAnalysisReopened.class, ChangeRequestStatus.IMPACT_ANALYSIS_REQUIRED,
            ChangeRequestEvent.ChangeVerified.class, ChangeRequestStatus.VERIFIED,
            ChangeRequestEvent.ChangeReleased.class, ChangeRequestStatus.RELEASED,
            ChangeRequestEvent.ChangeCommunicated.class, ChangeRequestStatus.COMMUNICATED,
            ChangeRequestEvent.ChangeRequestClosed.class, ChangeRequestStatus.CLOSED);
    private static final Map<Class<?>, ProblemReportStatus> PROBLEM_REPORT_STATUS = Map.of(
            ProblemReportEvent.ProblemReportOpened.class, ProblemReportStatus.OPEN,
            ProblemReportEvent.ProblemInvestigated.class, ProblemReportStatus.INVESTIGATED,
            ProblemReportEvent.ChangeRequestsLinked.class, ProblemReportStatus.CHANGE_REQUESTED,
            ProblemReportEvent.NoActionDecided.class, ProblemReportStatus.NO_ACTION,
            ProblemReportEvent.ResolutionVerified.class, ProblemReportStatus.RESOLUTION_VERIFIED,
            ProblemReportEvent.ProblemReportClosed.class, ProblemReportStatus.CLOSED,
            ProblemReportEvent.ProblemReportReopened.class, ProblemReportStatus.OPEN);

    private final MutinyEmitter<Object> emitter;
    /** Looked up when used: the event store is built with the handlers that include this one. */
    private final Instance<EventStore> eventStore;

    ChangeRequestPublisher(
            @Channel(Channels.CHANGE_CONTROL_OUT) MutinyEmitter<Object> emitter, Instance<EventStore> eventStore) {
        this.emitter = emitter;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(ChangeRequestEvent.ChangeRequestRaised event, EventMessage<?> message) {
        ChangeRequestRaised payload = new ChangeRequestRaised(
                event.changeRequestId(),
                event.title(),
                event.reason(),
                event.productId(),
                event.softwareItems(),
                event.problemReportId(),
                event.problemId(),
                event.fscaCaseId(),
                event.requestedBy(),
                event.raisedAt());
        send(payload, ChangeRequestRaised.TYPE, event.productId(), message);
    }

    /**
     * Every later step of a change request (IEC 62304 6.2, 6.3, 8.2), with the status it led to; Axon calls
     * the most specific handler only, so the raising is published above with the contract's payload.
     */
    @EventHandler
    void on(ChangeRequestEvent event, EventMessage<?> message) {
        String productId = ((ChangeRequestEvent.ChangeRequestRaised) firstEvent(event.changeRequestId())).productId();
        String milestone = event.getClass().getSimpleName();
        send(
                new ChangeRequestMilestone(
                        event.changeRequestId(), productId, milestone, statusAfter(event), message.getTimestamp()),
                TYPE_PREFIX + milestone + TYPE_SUFFIX,
                productId,
                message);
    }

    /** Every step of a problem report (IEC 62304 clause 9), with the status it led to. */
    @EventHandler
    void on(ProblemReportEvent event, EventMessage<?> message) {
        ProblemReportEvent.ProblemReportOpened opened =
                (ProblemReportEvent.ProblemReportOpened) firstEvent(event.problemReportId());
        String milestone = event.getClass().getSimpleName();
        send(
                new ProblemReportMilestone(
                        event.problemReportId(),
                        opened.problemId(),
                        opened.productId(),
                        milestone,
                        statusAfter(event),
                        message.getTimestamp()),
                TYPE_PREFIX + milestone + TYPE_SUFFIX,
                opened.productId(),
                message);
    }

    private Object firstEvent(String aggregateId) {
        return eventStore.get().readEvents(aggregateId).next().getPayload();
    }

    private static ChangeRequestStatus statusAfter(ChangeRequestEvent event) {
        return CHANGE_REQUEST_STATUS.get(event.getClass());
    }

    /** The status the event led to; null for parties advised, which does not move the report. */
    private static ProblemReportStatus statusAfter(ProblemReportEvent event) {
        return PROBLEM_REPORT_STATUS.get(event.getClass());
    }

    private void send(Object payload, String type, String productId, EventMessage<?> message) {
        emitter.sendMessageAndAwait(Message.of(payload)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.getIdentifier())
                        .withType(type)
                        .withSource(SOURCE)
                        .withSubject(productId)
                        .withTimestamp(message.getTimestamp().atZone(ZoneOffset.UTC))
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(productId)
                        .build()));
    }
}
