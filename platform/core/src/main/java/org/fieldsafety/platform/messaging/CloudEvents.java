package org.fieldsafety.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Publishes a service's events on one outgoing channel, all of them the same CloudEvent 1.0 in Kafka binary
 * mode (contracts/asyncapi.yaml): {@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source},
 * {@code ce_subject}, {@code ce_time}, {@code ce_datacontenttype} and {@code content-type: application/json}
 * as headers, the event as JSON value (the channel's serializer), and the Kafka key equal to the subject (the
 * product or problem id; on the FSCA topic the case id), so that one product's, problem's or case's events
 * keep their order. Each record is a {@code <topic> publish} span of its own, whose W3C {@code traceparent}
 * header (the CloudEvents distributed-tracing extension) continues the trace the event gives, or the one
 * current when it is published.
 *
 * <p>The records go straight to the channel's Kafka producer, configured by the channel ({@code
 * mp.messaging.outgoing.<channel>.*}): a whole list in one task on the connector's sending thread (a send
 * may block while the producer waits for metadata or buffer space, never on the caller's event loop), and
 * the caller continues on its own Vert.x context once Kafka acknowledged every record. The connector's
 * emitter took each record through a stream of its own on the producer's single network thread, which
 * held intake's batches to half of what Kafka takes (docs/profile.md section 23).
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

    private final KafkaClientService clients;
    private final Tracer tracer;
    private final String channel;
    private final String topic;
    private final byte[] source;
    private volatile KafkaProducer<String, Object> producer;

    /**
     * The events of {@code source} (e.g. {@code /triage-service}) on the outgoing {@code channel}, whose
     * {@code topic} its configuration names.
     */
    public CloudEvents(KafkaClientService clients, Tracer tracer, String channel, String topic, String source) {
        this.clients = clients;
        this.tracer = tracer;
        this.channel = channel;
        this.topic = topic;
        this.source = bytes(source);
    }

    /**
     * One event.
     *
     * @param type the contract record's {@code TYPE}
     * @param id unique per event and the same whenever the event is published again: consumers deduplicate
     *     by it
     * @param key the Kafka key and the CloudEvent subject
     * @param time when the event happened; taken from the event, so a re-publication carries the same time
     * @param data the contract record, written as JSON by the channel's serializer
     * @param traceparent the trace the event continues (the header of the record or the stored event that
     *     caused it), so that one report's trace runs through every service even where a batch of records is
     *     processed at once; null for the trace current when it is published
     */
    public record Event(String type, String id, String key, Instant time, Object data, String traceparent) {

        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(time, "time");
        }

        /** An event in the trace current when it is published. */
        public Event(String type, String id, String key, Instant time, Object data) {
            this(type, id, key, time, data, null);
        }
    }

    /** Completes when Kafka acknowledged every event, on the caller's Vert.x context; fails if any failed. */
    public Uni<Void> publish(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        io.vertx.core.Context caller = Vertx.currentContext();
        Context current = Context.current();
        Uni<Void> sent = producer()
                .runOnSendingThread((Producer<String, Object> producer) -> send(producer, events, current))
                .chain(acknowledged -> Uni.createFrom().completionStage(acknowledged));
        return caller == null ? sent : sent.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Sends every event and returns what completes when the last is acknowledged or the first fails. */
    private CompletableFuture<Void> send(Producer<String, Object> producer, List<Event> events, Context current) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(events.size());
        for (Event event : events) {
            Span span = tracer.spanBuilder(topic + " publish")
                    .setParent(event.traceparent() == null ? current : trace(event.traceparent()))
                    .setSpanKind(SpanKind.PRODUCER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", topic)
                    .startSpan();
            producer.send(
                    record(topic, source, event, traceparent(Context.root().with(span))), (metadata, error) -> {
                        if (error != null) {
                            span.setStatus(StatusCode.ERROR, error.toString());
                            span.end();
                            acknowledged.completeExceptionally(error);
                        } else {
                            span.end();
                            if (left.decrementAndGet() == 0) {
                                acknowledged.complete(null);
                            }
                        }
                    });
        }
        return acknowledged;
    }

    /** The record of {@code event} from {@code source} on {@code topic}, in the trace of {@code traceparent}. */
    private static ProducerRecord<String, Object> record(String topic, byte[] source, Event event, String traceparent) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.key(), event.data());
        Headers headers = record.headers();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(event.id()));
        headers.add("ce_type", bytes(event.type()));
        headers.add("ce_source", source);
        headers.add("ce_subject", bytes(event.key()));
        headers.add("ce_datacontenttype", bytes(CONTENT_TYPE));
        headers.add("content-type", bytes(CONTENT_TYPE));
        headers.add(
                "ce_time",
                bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().atOffset(ZoneOffset.UTC))));
        if (traceparent != null) {
            headers.add(TRACEPARENT, bytes(traceparent));
        }
        return record;
    }

    private KafkaProducer<String, Object> producer() {
        KafkaProducer<String, Object> known = producer;
        if (known == null) {
            known = Objects.requireNonNull(clients.getProducer(channel), () -> "no Kafka producer for " + channel);
            producer = known;
        }
        return known;
    }

    /** The {@code traceparent} of the span current now; null outside a span. */
    public static String currentTraceparent() {
        return traceparent(Context.current());
    }

    private static String traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The trace context of a {@code traceparent} header; the root context when it cannot be read. */
    private static Context trace(String traceparent) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACE_CONTEXT);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
