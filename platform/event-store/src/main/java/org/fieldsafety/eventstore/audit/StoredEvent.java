package org.fieldsafety.eventstore.audit;

/** One row of the event store as stored: what an audit link covers. */
public record StoredEvent(
        String eventId,
        String aggregateId,
        long sequence,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metaData) {

    /** The event's name without its package or enclosing type. */
    public String type() {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }
}
