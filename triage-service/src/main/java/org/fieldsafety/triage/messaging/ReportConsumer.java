package org.fieldsafety.triage.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.platform.Batches;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.triage.result.ReportTriage;

/**
 * Consumes FieldReportReceived in batches, at least once: the batch is stored (idempotently, keyed by
 * report id), every result (new or stored earlier) is published with the problems first detected and the
 * trend signals raised by the batch's reports, and only when Kafka acknowledged all of them is the batch
 * acknowledged. A crash in between re-publishes the stored results with the same event ids. A record of
 * another CloudEvent type is skipped; one that cannot be read goes to the dead-letter topic with the
 * reason. A database or broker that is down holds the batch back, retried until it passes ({@link
 * Batches#settle}).
 */
@ApplicationScoped
public class ReportConsumer {

    private final ObjectMapper json;
    private final ReportTriage triage;
    private final TriagePublisher publisher;

    @Inject
    @Channel(Channels.REPORTS_DLQ)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> deadLetters;

    ReportConsumer(ObjectMapper json, ReportTriage triage, TriagePublisher publisher) {
        this.json = json;
        this.triage = triage;
        this.publisher = publisher;
    }

    @Incoming(Channels.REPORTS_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<FieldReportReceived> reports = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            if (!handled(record)) {
                continue;
            }
            try {
                reports.add(parse(record));
            } catch (UnprocessableReport e) {
                rejected.add(Batches.deadLetter(deadLetters, record, e.getMessage()));
            }
        }
        return Batches.settle(
                batch,
                rejected,
                reports.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().deferred(() -> triage.triage(reports).chain(publisher::publish)));
    }

    /**
     * A tolerant reader: a record of another CloudEvent type is not for triage and is skipped, neither
     * triaged nor dead-lettered, so that a producer may add a type to the topic without breaking triage.
     * A record without a type is read as a FieldReportReceived.
     */
    private static boolean handled(KafkaRecord<String, String> record) {
        String type = CloudEventHeaders.type(record.getHeaders());
        return type == null || FieldReportReceived.TYPE.equals(type);
    }

    private FieldReportReceived parse(KafkaRecord<String, String> record) {
        if (record.getPayload() == null) {
            throw new UnprocessableReport("empty message");
        }
        FieldReportReceived report;
        try {
            report = json.readValue(record.getPayload(), FieldReportReceived.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessableReport("not a FieldReportReceived JSON document: " + e.getOriginalMessage());
        }
        if (report.reportId() == null || report.productId() == null || report.receivedAt() == null) {
            throw new UnprocessableReport("reportId, productId and receivedAt are required");
        }
        return report;
    }

    /** A record that no retry can make processable. */
    static final class UnprocessableReport extends RuntimeException {
        UnprocessableReport(String reason) {
            super(reason);
        }
    }
}
