package org.fieldsafety.changecontrol;

import jakarta.inject.Singleton;
import org.axonframework.eventhandling.EventMessage;
import org.fieldsafety.eventstore.FirstEvents;
import org.fieldsafety.eventstore.OutboxMessages;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.OutgoingChannels;

/**
 * How change control's publishers send their milestones to {@code fieldsafety.change-control.v1}, with the
 * event store as the outbox: both publishers are one tracking processor ({@link #PROCESSING_GROUP}), whose
 * token moves on only after Kafka acknowledged, and the CloudEvent id is the stored event's id, stable
 * across redelivery. Every milestone is keyed by product; a later event does not carry the product, so it
 * is read from the aggregate's first event ({@link FirstEvents}).
 */
@Singleton
public class Milestones {

    /** The tracking processor of every milestone publisher, so they leave in the order they were stored. */
    public static final String PROCESSING_GROUP = "change-control-milestones";

    private final CloudEvents events;

    Milestones(OutgoingChannels channels) {
        this.events = channels.events(Channels.CHANGE_CONTROL_OUT, "/change-control-service");
    }

    /** As {@link OutboxMessages} makes it: the stored event's id, time and trace. */
    public void send(String type, String productId, EventMessage<?> message, Object payload) {
        OutboxMessages.publish(events, type, productId, message, payload);
    }
}
