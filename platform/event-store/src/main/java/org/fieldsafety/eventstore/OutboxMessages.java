package org.fieldsafety.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.platform.messaging.CloudEvents;

/**
 * What a publisher whose outbox is the event store sends for a stored event: a CloudEvent whose id and time
 * are the stored event's, the same whenever the tracking processor replays it, in the trace of what caused
 * the event (the request or record its command came from, {@link AuditedCommands#TRACEPARENT}). It returns
 * only once Kafka acknowledged the event, so that the processor's token moves on only after that.
 */
public final class OutboxMessages {

    private OutboxMessages() {}

    /** Publishes {@code payload} as {@code type}, keyed by {@code key}, for the stored event {@code stored}. */
    public static void publish(CloudEvents events, String type, String key, EventMessage<?> stored, Object payload) {
        CloudEvents.Event event =
                new CloudEvents.Event(type, stored.getIdentifier(), key, stored.getTimestamp(), payload, (String)
                        stored.getMetaData().get(AuditedCommands.TRACEPARENT));
        events.publish(List.of(event)).await().indefinitely();
    }
}
