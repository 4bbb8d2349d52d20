package org.fieldsafety.platform.messaging;

/**
 * What a consumer read from a record, with the trace the record belongs to: a consumer that processes a
 * batch at once publishes each result with the trace of the record it came from ({@link
 * CloudEvents.Event#traceparent()}).
 *
 * @param traceparent the record's W3C {@code traceparent}, null when it had none
 */
public record Traced<T>(T value, String traceparent) {}
