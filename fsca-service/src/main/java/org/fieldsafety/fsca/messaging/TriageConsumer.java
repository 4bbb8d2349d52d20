package org.fieldsafety.fsca.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordIncidents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.platform.DeadLetters;
import org.fieldsafety.platform.EventPayloads;
import org.fieldsafety.platform.Failures;
import org.jboss.logging.Logger;

/**
 * Opens or extends a case for every FSCA candidate that triage publishes (the topic also carries
 * ProblemDetected and TrendSignalRaised, which open no case), a batch of records at a time: one
 * {@link RecordIncidents} per case with the batch's incidents of it in the order they were published,
 * all in one transaction with their audit links. One commit per batch instead of one per report is what
 * lets fsca keep up with triage, which publishes in batches too.
 *
 * <p>A tolerant reader: the value arrives as text and only a ReportTriaged is parsed, so a message of
 * another type is skipped whatever its shape, and a ReportTriaged that cannot be read goes alone to
 * {@code fieldsafety.triage.v1.dlq} with the reason; deserialized by Kafka, it would stop the channel for
 * good on a partition it can never pass.
 *
 * <p>At least once: the batch is acknowledged after its transaction committed, and a redelivered report is
 * recognised by its case. A database that is down or restarting holds the batch back, retried until it
 * passes ({@link Failures}); a command that raced a user's step on the same case is sent again
 * ({@link Conflicts}). A failure that no retry can cure nacks the batch to the dead-letter topic. Axon is
 * blocking, hence a worker thread.
 */
@ApplicationScoped
public class TriageConsumer {

    private static final Logger LOG = Logger.getLogger(TriageConsumer.class);
    private static final long FIRST_BACK_OFF_MS = 100;
    private static final long LAST_BACK_OFF_MS = 5_000;

    private final AuditedCommands commands;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    @Channel(Channels.TRIAGE_DLQ)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> deadLetters;

    TriageConsumer(AuditedCommands commands, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(Channels.TRIAGE_IN)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        Map<String, List<ReportTriaged>> byCase = new LinkedHashMap<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            if (!ReportTriaged.TYPE.equals(CloudEventHeaders.type(record.getHeaders()))) {
                continue;
            }
            ReportTriaged triaged;
            try {
                triaged = EventPayloads.read(json, record.getPayload(), ReportTriaged.TYPE, ReportTriaged.class);
            } catch (IllegalArgumentException e) {
                rejected.add(deadLetters.sendMessage(DeadLetters.of(record, e.getMessage())));
                continue;
            }
            if (triaged.fscaCandidate()) {
                byCase.computeIfAbsent(FscaCases.caseIdFor(triaged.problemId()), id -> new ArrayList<>())
                        .add(triaged);
            }
        }
        Instant now = clock.instant();
        List<RecordIncidents> incidents = byCase.entrySet().stream()
                .map(cases -> command(cases.getKey(), cases.getValue(), now))
                .toList();
        try {
            rejected.forEach(letter -> letter.await().indefinitely());
            if (!incidents.isEmpty()) {
                record(incidents);
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Recording the incidents of %d records failed; nacking them",
                    batch.getRecords().size());
            return batch.nack(e);
        }
        return batch.ack();
    }

    /** In one transaction, sent again after a back-off until it passes, unless the failure is permanent. */
    private void record(List<RecordIncidents> incidents) {
        for (long backOffMs = FIRST_BACK_OFF_MS; ; backOffMs = Math.min(backOffMs * 2, LAST_BACK_OFF_MS)) {
            try {
                Conflicts.retry(() -> commands.sendAll(incidents, AuditedCommands.SYSTEM));
                return;
            } catch (RuntimeException e) {
                if (Failures.permanent(e)) {
                    throw e;
                }
                LOG.warnf(
                        "Recording the incidents of %d cases failed, again in %d ms: %s",
                        incidents.size(), backOffMs, e);
            }
            try {
                Thread.sleep(backOffMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to record incidents again", e);
            }
        }
    }

    /** The case's incidents in the order triage published them. */
    private static RecordIncidents command(String caseId, List<ReportTriaged> reports, Instant now) {
        ReportTriaged first = reports.get(0);
        return new RecordIncidents(
                caseId,
                first.problemId(),
                first.productId(),
                reports.stream().map(TriageConsumer::incident).toList(),
                now);
    }

    private static Incident incident(ReportTriaged triaged) {
        return new Incident(
                triaged.reportId(),
                triaged.awareAt(),
                triaged.softwareItem(),
                triaged.softwareVersion(),
                triaged.faultCode(),
                triaged.country(),
                triaged.safetyClass(),
                triaged.hazard(),
                triaged.severity(),
                triaged.probability(),
                triaged.riskRegion(),
                triaged.seriousIncident(),
                triaged.reportability().stream()
                        .map(r -> new Incident.ReportingClock(r.regime(), r.basis(), r.deadline()))
                        .toList());
    }
}
