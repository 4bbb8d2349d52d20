package org.fieldsafety.intake.report.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.TracerProvider;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.platform.domain.Unavailable;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.junit.jupiter.api.Test;

/** What the client gets when Kafka does not acknowledge: never a 202, a 503 problem within the bound. */
class ReportPublisherTest {

    private static final FieldReportReceived REPORT = new FieldReportReceived(
            "r-1",
            "pump-cloud",
            Instant.parse("2026-11-20T12:00:00Z"),
            ReportSource.PMS,
            "P",
            null,
            null,
            "1.0",
            null,
            null,
            Instant.parse("2026-11-20T11:00:00Z"),
            null,
            PatientOutcome.UNKNOWN,
            null,
            null,
            Map.of(),
            null,
            null);

    @Test
    void aReportKafkaDoesNotAcknowledgeInTimeIsUnavailable() {
        ReportPublisher publisher = publisher(Uni.createFrom().nothing());
        Unavailable failure = assertThrows(
                Unavailable.class, () -> publisher.publish(REPORT).await().atMost(Duration.ofSeconds(5)));
        assertEquals("kafka-unavailable", failure.code());
    }

    @Test
    void aReportKafkaRefusesIsUnavailable() {
        ReportPublisher publisher = publisher(Uni.createFrom().failure(new IllegalStateException("broker down")));
        Unavailable failure = assertThrows(
                Unavailable.class, () -> publisher.publish(REPORT).await().atMost(Duration.ofSeconds(5)));
        assertEquals("kafka-unavailable", failure.code());
    }

    /** A publisher whose channel's producer answers {@code acknowledgement} for every list it is given. */
    private static ReportPublisher publisher(Uni<Void> acknowledgement) {
        KafkaProducer<?, ?> producer = proxy(KafkaProducer.class, "runOnSendingThread", acknowledgement);
        KafkaClientService clients = proxy(KafkaClientService.class, "getProducer", producer);
        CloudEvents events = new CloudEvents(
                clients, TracerProvider.noop().get("test"), ReportPublisher.CHANNEL, "reports", "/intake-service");
        return new ReportPublisher(events, config(Duration.ofMillis(200)), new SimpleMeterRegistry());
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(called.getName());
        });
    }

    private static IntakeConfig config(Duration publishTimeout) {
        return proxy(IntakeConfig.class, "publishTimeout", publishTimeout);
    }
}
