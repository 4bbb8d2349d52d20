package org.fieldsafety.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fieldsafety.platform.json.JsonTimes;

/**
 * A consumed record as a consumer reads it: a CloudEvent in Kafka binary mode, whose {@code ce_type} and
 * {@code ce_id} are headers and whose value is the event's JSON as text. A topic carries several event
 * types, so a consumer picks what it handles by {@link #type()}, never by the value's shape.
 *
 * <p>The value arrives as text and is parsed here, by the one reader of every consumer, rather than by
 * Kafka's deserializer: a value the deserializer cannot read stops the channel for good on a partition it
 * can never pass, while {@link Unprocessable} sends that one record to the dead letters.
 *
 * @param type the record's {@code ce_type}, null when it has none
 * @param id the record's {@code ce_id}, which its producer keeps when it publishes the event again; null
 *     when it has none
 * @param value the value as sent, null for none
 * @param traceparent the W3C trace context the producer sent along (the CloudEvents distributed-tracing
 *     extension in Kafka binary mode), null when it sent none
 */
public record IncomingEvent(String type, String id, String value, String traceparent) {

    /** Tolerant of fields it does not know: a producer may add fields within a topic's version. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModules(JsonTimes.modules())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The event a record of a Kafka channel whose values are read as text carries. */
    static IncomingEvent of(Message<String> record) {
        Headers headers = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a record from Kafka"))
                .getHeaders();
        return new IncomingEvent(
                header(headers, "ce_type"),
                header(headers, "ce_id"),
                record.getPayload(),
                header(headers, CloudEvents.TRACEPARENT));
    }

    /** {@code value}, what this record was read as, with the record's trace. */
    public <T> Traced<T> traced(T value) {
        return new Traced<>(value, traceparent);
    }

    /** Whether the record is of CloudEvent type {@code ceType}. */
    public boolean is(String ceType) {
        return ceType.equals(type);
    }

    /**
     * The value read as the contract record {@code event}.
     *
     * @param what how the dead-letter reason names the expected event
     * @throws Unprocessable naming why the value is not one: the dead-letter reason
     */
    public <T> T as(Class<T> event, String what) {
        if (value == null || value.isBlank()) {
            throw new Unprocessable("empty " + what + " message");
        }
        try {
            T read = JSON.readValue(value, event);
            if (read == null) {
                throw new Unprocessable("empty " + what + " message");
            }
            return read;
        } catch (JsonProcessingException e) {
            throw new Unprocessable("not a " + what + " JSON document: " + e.getOriginalMessage());
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
