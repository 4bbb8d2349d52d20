package org.fieldsafety.fsca.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordIncidents;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.platform.Batches;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.platform.EventPayloads;

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
 * passes ({@link Batches#settle}); a command that raced a user's step on the same case is sent again
 * ({@link Conflicts}). Axon is blocking, hence a worker thread.
 */
@ApplicationScoped
public class TriageConsumer {

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
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
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
                rejected.add(Batches.deadLetter(deadLetters, record, e.getMessage()));
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
        return Batches.settle(
                batch,
                rejected,
                incidents.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Batches.blocking(
                                () -> Conflicts.retry(() -> commands.sendAll(incidents, AuditedCommands.SYSTEM))));
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
