package org.fieldsafety.triage.result.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.triage.Channels;
import org.fieldsafety.triage.result.ReportTriage;

/**
 * Publishes a batch's events on {@link org.fieldsafety.contracts.Topics#TRIAGE} as CloudEvents keyed by
 * problem id, so one problem's events stay in order on one partition (decision 0020): ProblemDetected, then
 * ReportTriaged, then TrendSignalRaised. Every event keeps its id and time
 * (its own detectedAt, triagedAt, raisedAt) on re-publication, so consumers deduplicate by ce_id.
 */
@ApplicationScoped
public class TriagePublisher {

    private static final CloudEvents EVENTS = CloudEvents.from("/triage-service");

    @Inject
    @Channel(Channels.TRIAGE_OUT)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<Object> emitter;

    /** The CloudEvent id of a report's triage result: the same on every re-publication. */
    public static String eventId(String reportId) {
        return "triaged-" + reportId;
    }

    /**
     * Completes when Kafka acknowledged every event; a report's result continues the trace in {@code
     * traces} under its report id (the {@code traceparent} of the report's record, null for none).
     */
    public Uni<Void> publish(ReportTriage.Outcome outcome, Map<String, String> traces) {
        List<Uni<Void>> sends = new ArrayList<>();
        outcome.problems()
                .detected()
                .forEach(problem -> sends.add(send(
                        ProblemDetected.TYPE,
                        problem.eventId(),
                        problem.event().problemId(),
                        problem.event().detectedAt(),
                        problem.event())));
        outcome.results().forEach(view -> {
            ReportTriaged event = view.toEvent();
            sends.add(emitter.sendMessage(EVENTS.message(
                    ReportTriaged.TYPE,
                    eventId(event.reportId()),
                    event.problemId(),
                    event.triagedAt(),
                    event,
                    traces.get(event.reportId()))));
        });
        outcome.problems()
                .signals()
                .forEach(signal -> sends.add(send(
                        TrendSignalRaised.TYPE,
                        signal.eventId(),
                        signal.event().problemId(),
                        signal.event().raisedAt(),
                        signal.event())));
        if (sends.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(String type, String id, String problemId, Instant time, Object event) {
        return emitter.sendMessage(EVENTS.message(type, id, problemId, time, event));
    }
}
