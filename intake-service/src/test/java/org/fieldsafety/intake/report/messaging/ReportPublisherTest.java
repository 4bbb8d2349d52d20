package org.fieldsafety.intake.report.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.platform.domain.Unavailable;
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

    @SuppressWarnings("unchecked")
    private static ReportPublisher publisher(Uni<Void> acknowledgement) {
        MutinyEmitter<FieldReportReceived> emitter = (MutinyEmitter<FieldReportReceived>) Proxy.newProxyInstance(
                MutinyEmitter.class.getClassLoader(), new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendMessage")) {
                        return acknowledgement;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ReportPublisher(emitter, config(Duration.ofMillis(200)), new SimpleMeterRegistry());
    }

    private static IntakeConfig config(Duration publishTimeout) {
        return (IntakeConfig) Proxy.newProxyInstance(
                IntakeConfig.class.getClassLoader(), new Class<?>[] {IntakeConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("publishTimeout")) {
                        return publishTimeout;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
