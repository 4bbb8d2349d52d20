package org.fieldsafety.fsca.cases.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.fieldsafety.contracts.ChangeRequestRaised;
import org.fieldsafety.fsca.Channels;
import org.fieldsafety.fsca.cases.query.ChangeRequestStep;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.messaging.Unprocessable;

/**
 * Keeps each case's change requests and their latest status from {@code fieldsafety.change-control.v1},
 * so the console shows how the correction of a decided case is progressing (IEC 62304 8.2). A tolerant
 * reader: the topic also carries problem report milestones, and every type that is not a change request's
 * raising or one of its {@link ChangeRequestMilestone#TYPES} is skipped; of the others only the fields used
 * here are required, so a field added by change control changes nothing. At least once and idempotent
 * ({@link ChangeRequestView#record}), in batches ({@link BatchConsumer}): a database that is down holds
 * the batch back until it passes, and a change request message that cannot be read goes to {@code
 * fieldsafety.change-control.v1.dlq} with the reason.
 */
@ApplicationScoped
public class ChangeControlConsumer {

    private static final String RAISED_MILESTONE = "ChangeRequestRaised";
    private static final String RAISED_STATUS = "RAISED";

    private final BatchConsumer<ChangeRequestStep> consumer;

    ChangeControlConsumer(
            @Channel(Channels.CHANGE_CONTROL_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.consumer = new BatchConsumer<>(deadLetters, ChangeControlConsumer::read, ChangeRequestView::record);
    }

    @Incoming(Channels.CHANGE_CONTROL_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /** The change request step a record carries, or null when its type is not a change request's. */
    static ChangeRequestStep read(IncomingEvent event) {
        if (event.is(ChangeRequestRaised.TYPE)) {
            ChangeRequestRaised raised = event.as(ChangeRequestRaised.class, event.type());
            return new ChangeRequestStep(
                    required(raised.changeRequestId(), "changeRequestId"),
                    raised.fscaCaseId(),
                    RAISED_MILESTONE,
                    RAISED_STATUS,
                    required(raised.raisedAt(), "raisedAt"));
        }
        if (event.type() == null || !ChangeRequestMilestone.TYPES.contains(event.type())) {
            return null;
        }
        // a milestone may repeat the raising's case id; null for a change request that is no case's
        ChangeRequestMilestone milestone = event.as(ChangeRequestMilestone.class, event.type());
        return new ChangeRequestStep(
                required(milestone.changeRequestId(), "changeRequestId"),
                milestone.fscaCaseId(),
                required(milestone.milestone(), "milestone"),
                required(milestone.status(), "status"),
                required(milestone.occurredAt(), "occurredAt"));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new Unprocessable(field + " is required");
        }
        return value;
    }

    private static Instant required(Instant value, String field) {
        if (value == null) {
            throw new Unprocessable(field + " is required");
        }
        return value;
    }
}
