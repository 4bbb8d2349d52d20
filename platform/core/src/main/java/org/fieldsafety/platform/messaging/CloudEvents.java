package org.fieldsafety.platform.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds every message a service publishes, so that all of them are the same CloudEvent 1.0 in Kafka
 * binary mode (contracts/asyncapi.yaml): {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code
 * ce_subject}, {@code ce_time} and {@code content-type: application/json} as headers, the event as JSON
 * value, and the Kafka key equal to the subject (the product id; on the FSCA topic the case id), so that
 * one product's or case's events keep their order. The Kafka connector's tracing adds the W3C {@code
 * traceparent} header (the CloudEvents distributed-tracing extension) to every message: that of the span
 * current when it is sent, or of the trace an event continues ({@link #message(String, String, String,
 * Instant, Object, String)}).
 */
public final class CloudEvents {

    public static final String CONTENT_TYPE = "application/json";

    /** The header of the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACE_CONTEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private final URI source;

    private CloudEvents(URI source) {
        this.source = source;
    }

    /** The events of one publishing service, e.g. {@code /triage-service}. */
    public static CloudEvents from(String source) {
        return new CloudEvents(URI.create(source));
    }

    /**
     * One event as a message.
     *
     * @param type the contract record's {@code TYPE}
     * @param id unique per event and the same whenever the event is published again: consumers deduplicate
     *     by it
     * @param key the Kafka key and the CloudEvent subject
     * @param time when the event happened; taken from the event, so a re-publication carries the same time
     * @param data the contract record, written as JSON by the channel's serializer
     */
    public <T> Message<T> message(String type, String id, String key, Instant time, T data) {
        return message(type, id, key, time, data, null);
    }

    /**
     * One event as a message that continues the trace of {@code traceparent} (the header of the record that
     * caused it), so that one report's trace runs through every service even where a batch of records is
     * processed at once; null for the trace current when it is sent.
     */
    public <T> Message<T> message(String type, String id, String key, Instant time, T data, String traceparent) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Message<T> message = Message.of(data)
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(id)
                        .withType(Objects.requireNonNull(type, "type"))
                        .withSource(source)
                        .withSubject(key)
                        .withTimestamp(time.atZone(ZoneOffset.UTC))
                        .withDataContentType(CONTENT_TYPE)
                        .build())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
        return traceparent == null ? message : message.addMetadata(TracingMetadata.withCurrent(trace(traceparent)));
    }

    /** The {@code traceparent} of the span current now; null outside a span. */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The trace context of a {@code traceparent} header; the root context when it cannot be read. */
    static Context trace(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACE_CONTEXT);
    }
}
