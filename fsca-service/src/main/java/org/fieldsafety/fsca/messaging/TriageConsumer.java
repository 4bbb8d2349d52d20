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
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.platform.Batches;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.platform.EventPayloads;

/**
 * Opens or extends a case for every FSCA candidate and every trend signal that triage publishes (the
 * topic also carries ProblemDetected and the triage of reports that are no candidates, which open no
 * case), a batch of records at a time: one {@link RecordTriage} per case with the batch's incidents and
 * signals of it in the order they were published, all in one transaction with their audit links. One
 * commit per batch instead of one per report is what lets fsca keep up with triage, which publishes in
 * batches too.
 *
 * <p>A tolerant reader: the value arrives as text and only a ReportTriaged or a TrendSignalRaised is
 * parsed, so a message of another type is skipped whatever its shape, and one of those that cannot be
 * read goes alone to {@code fieldsafety.triage.v1.dlq} with the reason; deserialized by Kafka, it would
 * stop the channel for good on a partition it can never pass.
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
        Map<String, CaseNews> byCase = new LinkedHashMap<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            String type = CloudEventHeaders.type(record.getHeaders());
            try {
                if (ReportTriaged.TYPE.equals(type)) {
                    ReportTriaged triaged = EventPayloads.read(json, record.getPayload(), type, ReportTriaged.class);
                    if (triaged.fscaCandidate()) {
                        news(byCase, triaged.problemId(), triaged.productId())
                                .incidents
                                .add(incident(triaged));
                    }
                } else if (TrendSignalRaised.TYPE.equals(type)) {
                    TrendSignalRaised raised =
                            EventPayloads.read(json, record.getPayload(), type, TrendSignalRaised.class);
                    news(byCase, raised.problemId(), raised.productId())
                            .trendSignals
                            .add(signal(record, raised));
                }
            } catch (IllegalArgumentException e) {
                rejected.add(Batches.deadLetter(deadLetters, record, e.getMessage()));
            }
        }
        Instant now = clock.instant();
        List<RecordTriage> commandsPerCase = byCase.entrySet().stream()
                .map(news -> news.getValue().command(news.getKey(), now))
                .toList();
        return Batches.settle(
                batch,
                rejected,
                commandsPerCase.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Batches.blocking(() ->
                                Conflicts.retry(() -> commands.sendAll(commandsPerCase, AuditedCommands.SYSTEM))));
    }

    /** What a batch brought about one problem's case, in the order triage published it. */
    private static final class CaseNews {
        final String problemId;
        final String productId;
        final List<Incident> incidents = new ArrayList<>();
        final List<TrendSignal> trendSignals = new ArrayList<>();

        CaseNews(String problemId, String productId) {
            this.problemId = problemId;
            this.productId = productId;
        }

        RecordTriage command(String caseId, Instant now) {
            return new RecordTriage(caseId, problemId, productId, incidents, trendSignals, now);
        }
    }

    private static CaseNews news(Map<String, CaseNews> byCase, String problemId, String productId) {
        return byCase.computeIfAbsent(FscaCases.caseIdFor(problemId), id -> new CaseNews(problemId, productId));
    }

    /** Identified by its CloudEvent id, which triage keeps for the episode whenever it publishes it again. */
    private static TrendSignal signal(KafkaRecord<String, String> record, TrendSignalRaised raised) {
        String signalId = CloudEventHeaders.id(record.getHeaders());
        if (signalId == null) {
            throw new IllegalArgumentException("a " + TrendSignalRaised.TYPE + " without ce_id");
        }
        return new TrendSignal(
                signalId,
                raised.softwareItem(),
                raised.faultCode(),
                raised.windowStart(),
                raised.windowEnd(),
                raised.observed(),
                raised.expected(),
                raised.method(),
                raised.raisedAt());
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
