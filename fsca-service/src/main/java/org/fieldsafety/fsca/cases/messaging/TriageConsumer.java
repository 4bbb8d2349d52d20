package org.fieldsafety.fsca.cases.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.fsca.Channels;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.RegisteredProduct;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.messaging.Traced;
import org.fieldsafety.platform.messaging.Unprocessable;
import org.fieldsafety.platform.telemetry.LogContext;

/**
 * Opens or extends a case for every FSCA candidate and every trend signal that triage publishes (the
 * topic also carries ProblemDetected and the triage of reports that are no candidates, which open no
 * case), a batch of records at a time ({@link BatchConsumer}): one {@link RecordTriage} per problem with the
 * batch's incidents and signals of it in the order they were published, sent to the problem's first case,
 * all in one transaction with their audit links. A closed case takes none of it but answers what it does not
 * know for the problem's next case, which the next round sends, until no case answers (no incident is ever
 * hidden). One commit per round instead of one per report is what lets fsca keep up with triage, which
 * publishes in batches too.
 *
 * <p>A tolerant reader: only a ReportTriaged or a TrendSignalRaised is parsed, so a message of another type
 * is skipped whatever its shape, and one of those that cannot be read goes alone to {@code
 * fieldsafety.triage.v1.dlq} with the reason.
 *
 * <p>At least once: the batch is acknowledged after its transaction committed, and a redelivered report is
 * recognised by its case. A database that is down or restarting holds the batch back, retried until it
 * passes; a command that raced a user's step on the same case is sent again ({@link Conflicts}). Axon is
 * blocking, hence a worker thread.
 */
@ApplicationScoped
public class TriageConsumer {

    private final BatchConsumer<CaseNews> consumer;

    TriageConsumer(
            AuditedCommands commands,
            Clock clock,
            @Channel(Channels.TRIAGE_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.consumer = new BatchConsumer<>(deadLetters, TriageConsumer::read, BatchConsumer.Work.blocking(news -> {
            List<Traced<RecordTriage>> round = commandsPerProblem(news, clock.instant());
            while (!round.isEmpty()) {
                List<Traced<RecordTriage>> sent = round;
                List<RecordTriage> next =
                        Conflicts.retry(() -> commands.<RecordTriage>sendTraced(sent, AuditedCommands.SYSTEM));
                round = IntStream.range(0, sent.size())
                        .filter(i -> next.get(i) != null)
                        .mapToObj(i -> new Traced<>(next.get(i), sent.get(i).traceparent()))
                        .toList();
            }
        }));
    }

    @Incoming(Channels.TRIAGE_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /**
     * What one record brings to its problem's case: an incident (with the registry's facts of the product, null
     * when it is not registered) or a trend signal, and the record's trace; null for neither.
     */
    private record CaseNews(
            String problemId,
            String productId,
            RegisteredProduct product,
            Incident incident,
            TrendSignal trendSignal,
            String traceparent) {}

    private static CaseNews read(IncomingEvent event) {
        if (event.is(ReportTriaged.TYPE)) {
            ReportTriaged triaged = event.as(ReportTriaged.class, ReportTriaged.TYPE);
            LogContext.put(LogContext.REPORT_ID, triaged.reportId());
            return triaged.fscaCandidate()
                    ? new CaseNews(
                            triaged.problemId(),
                            triaged.productId(),
                            product(triaged),
                            incident(triaged),
                            null,
                            event.traceparent())
                    : null;
        }
        if (event.is(TrendSignalRaised.TYPE)) {
            TrendSignalRaised raised = event.as(TrendSignalRaised.class, TrendSignalRaised.TYPE);
            return new CaseNews(
                    raised.problemId(), raised.productId(), null, null, signal(event, raised), event.traceparent());
        }
        return null;
    }

    /**
     * One command per problem, for its first case, with the batch's incidents and signals of it in the order
     * triage published them and the latest registry facts of its product, in the trace of the first of them.
     */
    private static List<Traced<RecordTriage>> commandsPerProblem(List<CaseNews> batch, Instant now) {
        Map<String, List<CaseNews>> byProblem = new LinkedHashMap<>();
        batch.forEach(news -> byProblem
                .computeIfAbsent(news.problemId(), id -> new ArrayList<>())
                .add(news));
        return byProblem.values().stream()
                .map(news -> new Traced<>(
                        RecordTriage.first(
                                news.get(0).problemId(),
                                news.get(0).productId(),
                                news.stream()
                                        .map(CaseNews::product)
                                        .filter(Objects::nonNull)
                                        .reduce((earlier, later) -> later)
                                        .orElse(null),
                                news.stream()
                                        .map(CaseNews::incident)
                                        .filter(Objects::nonNull)
                                        .toList(),
                                news.stream()
                                        .map(CaseNews::trendSignal)
                                        .filter(Objects::nonNull)
                                        .toList(),
                                now),
                        news.get(0).traceparent()))
                .toList();
    }

    /** Identified by its CloudEvent id, which triage keeps for the episode whenever it publishes it again. */
    private static TrendSignal signal(IncomingEvent event, TrendSignalRaised raised) {
        if (event.id() == null) {
            throw new Unprocessable("a " + TrendSignalRaised.TYPE + " without ce_id");
        }
        return new TrendSignal(
                event.id(),
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
                        .map(r -> ReportingClock.proposed(r.regime(), r.basis(), r.deadline()))
                        .toList(),
                followUpOf(triaged),
                List.of(),
                List.of(),
                triaged.patientOutcome() == null
                        ? null
                        : triaged.patientOutcome().name(),
                triaged.imdrf());
    }

    /** The report that first told of the event a follow-up brings new information on; null for a new event. */
    private static String followUpOf(ReportTriaged triaged) {
        String original = triaged.originalReportId();
        return original == null || original.equals(triaged.reportId()) ? null : original;
    }

    private static RegisteredProduct product(ReportTriaged triaged) {
        ReportTriaged.Product product = triaged.product();
        return product == null ? null : new RegisteredProduct(product.name(), product.udiDi(), product.markets());
    }
}
