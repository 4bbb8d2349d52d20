package org.fieldsafety.fsca.audit;

/** One row of the event store as stored: what the audit hash covers. */
record StoredEvent(
        String eventId,
        String caseId,
        long sequence,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metaData) {

    /** The event's name without its package or enclosing type. */
    String type() {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }
}
