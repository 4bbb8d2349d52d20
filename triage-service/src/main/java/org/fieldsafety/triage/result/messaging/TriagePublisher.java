package org.fieldsafety.triage.result.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.OutgoingChannels;
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

    private final CloudEvents events;

    TriagePublisher(OutgoingChannels channels) {
        this.events = channels.events(Channels.TRIAGE_OUT, "/triage-service");
    }

    /** The CloudEvent id of a report's triage result: the same on every re-publication. */
    public static String eventId(String reportId) {
        return "triaged-" + reportId;
    }

    /**
     * Completes when Kafka acknowledged every event; a report's result continues the trace in {@code
     * traces} under its report id (the {@code traceparent} of the report's record, null for none).
     */
    public Uni<Void> publish(ReportTriage.Outcome outcome, Map<String, String> traces) {
        List<CloudEvents.Event> sends = new ArrayList<>();
        outcome.problems()
                .detected()
                .forEach(problem -> sends.add(new CloudEvents.Event(
                        ProblemDetected.TYPE,
                        problem.eventId(),
                        problem.event().problemId(),
                        problem.event().detectedAt(),
                        problem.event())));
        outcome.results().forEach(view -> {
            ReportTriaged event = view.toEvent();
            sends.add(new CloudEvents.Event(
                    ReportTriaged.TYPE,
                    eventId(event.reportId()),
                    event.problemId(),
                    event.triagedAt(),
                    event,
                    traces.get(event.reportId())));
        });
        outcome.problems()
                .signals()
                .forEach(signal -> sends.add(new CloudEvents.Event(
                        TrendSignalRaised.TYPE,
                        signal.eventId(),
                        signal.event().problemId(),
                        signal.event().raisedAt(),
                        signal.event())));
        return events.publish(sends);
    }
}
