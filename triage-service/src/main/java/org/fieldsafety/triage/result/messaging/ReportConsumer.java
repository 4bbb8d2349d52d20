package org.fieldsafety.triage.result.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.messaging.Traced;
import org.fieldsafety.platform.messaging.Unprocessable;
import org.fieldsafety.platform.telemetry.LogContext;
import org.fieldsafety.triage.Channels;
import org.fieldsafety.triage.result.ReportTriage;

/**
 * Consumes FieldReportReceived in batches ({@link BatchConsumer}), at least once: the batch is stored
 * (idempotently, keyed by report id), every result (new or stored earlier) is published with the problems
 * first detected and the trend signals raised by the batch's reports, and only when Kafka acknowledged all
 * of them is the batch acknowledged. A crash in between re-publishes the stored results with the same
 * event ids. A record of another CloudEvent type is skipped; one that cannot be read goes to the dead-letter
 * topic with the reason. A database or broker that is down holds the batch back, retried until it passes.
 * Each result continues the trace of its report's record.
 */
@ApplicationScoped
public class ReportConsumer {

    private final BatchConsumer<Traced<FieldReportReceived>> consumer;

    ReportConsumer(
            ReportTriage triage,
            TriagePublisher publisher,
            @Channel(Channels.REPORTS_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.consumer = new BatchConsumer<>(deadLetters, ReportConsumer::read, reports -> {
            Map<String, String> traces = new HashMap<>();
            reports.forEach(report -> traces.putIfAbsent(report.value().reportId(), report.traceparent()));
            return triage.triage(reports.stream().map(Traced::value).toList())
                    .chain(outcome -> publisher.publish(outcome, traces));
        });
    }

    @Incoming(Channels.REPORTS_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /**
     * A tolerant reader: a record of another CloudEvent type is not for triage and is skipped, neither
     * triaged nor dead-lettered, so that a producer may add a type to the topic without breaking triage.
     * A record without a type is read as a FieldReportReceived.
     */
    private static Traced<FieldReportReceived> read(IncomingEvent event) {
        if (event.type() != null && !event.is(FieldReportReceived.TYPE)) {
            return null;
        }
        FieldReportReceived report = event.as(FieldReportReceived.class, "FieldReportReceived");
        LogContext.put(LogContext.REPORT_ID, report.reportId());
        if (report.reportId() == null || report.productId() == null || report.receivedAt() == null) {
            throw new Unprocessable("reportId, productId and receivedAt are required");
        }
        return event.traced(report);
    }
}
