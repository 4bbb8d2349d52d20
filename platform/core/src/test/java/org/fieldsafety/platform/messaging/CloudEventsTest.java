package org.fieldsafety.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    private static final Instant TIME = Instant.parse("2026-11-20T10:15:00.123456Z");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final MockProducer<String, Object> kafka =
            new MockProducer<>(false, null, new StringSerializer(), (topic, value) -> value.toString()
                    .getBytes(StandardCharsets.UTF_8));
    private final CloudEvents events = new CloudEvents(
            clients(),
            SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build().get("test"),
            "triage-out",
            "fieldsafety.triage.v1",
            "/triage-service");

    @Test
    void aRecordCarriesEveryCloudEventAttributeTheKeyAndTheTrace() {
        events.publish(List.of(
                        new CloudEvents.Event("org.fieldsafety.X.v1", "id-1", "PUMP", TIME, "data", TRACEPARENT)))
                .subscribe()
                .with(ignored -> {});
        ProducerRecord<String, Object> record = kafka.history().get(0);

        assertEquals("fieldsafety.triage.v1", record.topic());
        assertEquals("PUMP", record.key());
        assertEquals("data", record.value());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("id-1", header(record, "ce_id"));
        assertEquals("org.fieldsafety.X.v1", header(record, "ce_type"));
        assertEquals("/triage-service", header(record, "ce_source"));
        assertEquals("PUMP", header(record, "ce_subject"));
        assertEquals("2026-11-20T10:15:00.123456Z", header(record, "ce_time"));
        assertEquals("application/json", header(record, "ce_datacontenttype"));
        assertEquals("application/json", header(record, "content-type"));
        // the record's own publish span, in the trace the event continues
        String traceparent = header(record, CloudEvents.TRACEPARENT);
        assertEquals(TRACE_ID, traceparent.split("-")[1]);
        assertNotEquals(TRACEPARENT, traceparent);
    }

    @Test
    void itCompletesOnlyWhenKafkaAcknowledgedEveryRecord() {
        Uni<Void> published = events.publish(List.of(event("id-1"), event("id-2")));
        CompletableFuture<Void> done = published.subscribeAsCompletionStage();

        assertTrue(kafka.completeNext());
        assertFalse(done.isDone());
        assertTrue(kafka.completeNext());
        assertTrue(done.isDone());
    }

    @Test
    void itFailsWhenKafkaRefusesOneRecord() {
        CompletableFuture<Void> done =
                events.publish(List.of(event("id-1"), event("id-2"))).subscribeAsCompletionStage();

        assertTrue(kafka.completeNext());
        assertTrue(kafka.errorNext(new IllegalStateException("broker down")));
        assertThrows(Exception.class, () -> done.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anEventWithoutItsTypeIdKeyOrTimeIsRefused() {
        assertThrows(NullPointerException.class, () -> new CloudEvents.Event(null, "i", "k", TIME, "d"));
        assertThrows(NullPointerException.class, () -> new CloudEvents.Event("t", null, "k", TIME, "d"));
        assertThrows(NullPointerException.class, () -> new CloudEvents.Event("t", "i", null, TIME, "d"));
        assertThrows(NullPointerException.class, () -> new CloudEvents.Event("t", "i", "k", null, "d"));
    }

    @Test
    void nothingToPublishCompletesAtOnce() {
        events.publish(List.of()).await().atMost(Duration.ofSeconds(1));
        assertTrue(kafka.history().isEmpty());
    }

    private static CloudEvents.Event event(String id) {
        return new CloudEvents.Event("org.fieldsafety.X.v1", id, "PUMP", TIME, "data");
    }

    private static String header(ProducerRecord<String, Object> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The connector's client service, whose producer runs each task on the calling thread. */
    @SuppressWarnings("unchecked")
    private KafkaClientService clients() {
        KafkaProducer<String, Object> producer = (KafkaProducer<String, Object>) Proxy.newProxyInstance(
                KafkaProducer.class.getClassLoader(), new Class<?>[] {KafkaProducer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("runOnSendingThread") && args[0] instanceof Function<?, ?> task) {
                        return Uni.createFrom().item(((Function<Object, Object>) task).apply(kafka));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (KafkaClientService) Proxy.newProxyInstance(
                KafkaClientService.class.getClassLoader(),
                new Class<?>[] {KafkaClientService.class},
                (proxy, method, args) -> producer);
    }
}
