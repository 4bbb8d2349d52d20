package org.fieldsafety.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading a consumed event's JSON value in the consumer rather than in Kafka's deserializer: a value the
 * deserializer cannot read stops the SmallRye channel for good, on a partition it can never pass, while
 * an exception thrown here fails that one message, which the channel's dead-letter strategy sends to
 * {@code <topic>.dlq} with the message as reason.
 */
public final class EventPayloads {

    private EventPayloads() {}

    /** @throws IllegalArgumentException naming why the value is not a {@code ceType}: the dead-letter reason */
    public static <T> T read(ObjectMapper json, String value, String ceType, Class<T> type) {
        if (value == null) {
            throw new IllegalArgumentException("empty " + ceType + " message");
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + ceType + " JSON document: " + e.getOriginalMessage());
        }
    }
}
