package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.triage.result.TriageView;

/**
 * Tracks problems and their trends around the pure {@link TrendDetector}, inside the transaction that
 * stores a batch of triage results (callers provide it): the problems of the batch's new results are
 * recorded ({@link ProblemRepository}), and their trends evaluated with every new report (MDR Art. 88, IEC
 * 62304 9.6) and, while in a trend episode, on a schedule ({@link TrendReevaluation}). What a batch
 * publishes is read back from the problems: the ProblemDetected of every problem whose first report is in
 * the batch and the signal of every episode raised by a report of the batch, so a redelivered batch
 * publishes them again, unchanged.
 */
@ApplicationScoped
public class TrendTracker {

    private final TrendDetector detector;
    private final ProblemRepository repository;

    TrendTracker(TrendDetector detector, ProblemRepository repository) {
        this.detector = detector;
        this.repository = repository;
    }

    /** A problem event to publish with the CloudEvent id that stays the same on every re-publication. */
    public record Published<T>(String eventId, T event) {}

    /** What tracking a batch found: the problems now in a trend episode, and the events to publish. */
    public record Tracked(
            Set<String> signalling,
            List<Published<ProblemDetected>> detected,
            List<Published<TrendSignalRaised>> signals) {}

    /**
     * Records the problems of the fresh (not yet stored) results and evaluates their trends at {@code now},
     * then answers the events of the whole batch ({@code batch}: stored and fresh results by report id).
     */
    public Uni<Tracked> track(List<TriageView> fresh, Map<String, TriageView> batch, Instant now) {
        Uni<Set<String>> signalling = fresh.isEmpty()
                ? Uni.createFrom().item(Set.of())
                : repository
                        .insertNew(fresh, now)
                        .chain(() -> evaluate(fresh, now))
                        .call(() -> repository.addToDays(fresh));
        return signalling.chain(problems -> events(problems, batch));
    }

    /** The product's problems by id, with their trend state (MDR Art. 88). */
    @WithSession
    public Uni<Map<String, ProblemEntity>> ofProduct(String productId) {
        return repository.ofProduct(productId);
    }

    /** Evaluates the trend of every problem with fresh results; answers the problems in signal state. */
    private Uni<Set<String>> evaluate(List<TriageView> fresh, Instant now) {
        Instant recentStart = now.minus(detector.window());
        Instant baselineStart = recentStart.minus(detector.baseline());
        Map<String, long[]> counts = new HashMap<>();
        Map<String, TriageView> latest = new HashMap<>();
        for (TriageView view : fresh) {
            long[] count = counts.computeIfAbsent(view.problemId(), id -> new long[2]);
            if (view.awareAt().isAfter(recentStart)) {
                count[0]++;
            } else if (view.awareAt().isAfter(baselineStart)) {
                count[1]++;
            }
            latest.put(view.problemId(), view);
        }
        return assess(repository.lock(List.copyOf(counts.keySet())), counts, latest, now);
    }

    /**
     * Re-evaluates at {@code now} the trend of every problem in signal state, so that an episode ends when
     * its reports stop coming, not only when the next one arrives (MDR Art. 88: the trend report covers the
     * period of the increase); answers the problems still in signal state. Callers provide the transaction.
     */
    public Uni<Set<String>> reevaluateEpisodes(Instant now) {
        return assess(repository.lockSignalling(), new HashMap<>(), Map.of(), now);
    }

    /**
     * Adds the stored reports to the {@code counts} (recent, baseline) of the {@code locked} problems and
     * records the assessment of each. The problems are locked first, in id order, so that a batch and a
     * re-evaluation of the same problem run one after the other (and cannot deadlock), each counting what
     * the other stored. A re-evaluation locks only problems in signal state, so it never raises a signal.
     */
    private Uni<Set<String>> assess(
            Uni<List<ProblemEntity>> locked, Map<String, long[]> counts, Map<String, TriageView> latest, Instant now) {
        Instant recentStart = now.minus(detector.window());
        Instant baselineStart = recentStart.minus(detector.baseline());
        return locked.call(problems -> problems.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : repository.countStored(
                                problems.stream()
                                        .map(problem -> problem.problemId)
                                        .toList(),
                                recentStart,
                                baselineStart,
                                counts))
                .map(problems -> {
                    Set<String> signalling = new HashSet<>();
                    for (ProblemEntity problem : problems) {
                        long[] count = counts.getOrDefault(problem.problemId, new long[2]);
                        TrendDetector.Assessment assessment = detector.assess(count[0], count[1]);
                        TrendDetector.Transition transition = TrendDetector.transition(problem.trendSignal, assessment);
                        record(problem, assessment, transition, latest.get(problem.problemId), recentStart, now);
                        if (transition.signalling()) {
                            signalling.add(problem.problemId);
                        }
                    }
                    return signalling;
                });
    }

    private void record(
            ProblemEntity problem,
            TrendDetector.Assessment assessment,
            TrendDetector.Transition transition,
            TriageView report,
            Instant windowStart,
            Instant now) {
        problem.trendSignal = transition.signalling();
        problem.trendObserved = assessment.observed();
        problem.trendExpected = assessment.expected();
        problem.trendPValue = assessment.pValue();
        problem.trendEvaluatedAt = now;
        if (transition == TrendDetector.Transition.END) {
            problem.trendSince = null;
        }
        if (transition == TrendDetector.Transition.RAISE) {
            problem.trendSince = now;
            problem.trendEpisodes++;
            problem.trendReportId = report.reportId();
            problem.trendEvent = new TrendSignalRaised(
                    problem.problemId,
                    problem.productId,
                    problem.softwareItem,
                    problem.faultCode,
                    windowStart,
                    now,
                    assessment.observed(),
                    assessment.expected(),
                    detector.method(),
                    now);
        }
    }

    private Uni<Tracked> events(Set<String> signalling, Map<String, TriageView> batch) {
        List<String> reportIds = List.copyOf(batch.keySet());
        return repository
                .ofReports(reportIds)
                .map(problems -> new Tracked(
                        signalling,
                        problems.stream()
                                .filter(problem -> batch.containsKey(problem.firstReportId))
                                .map(problem -> new Published<>(
                                        "problem-detected-" + problem.problemId,
                                        detected(problem, batch.get(problem.firstReportId))))
                                .toList(),
                        problems.stream()
                                .filter(problem ->
                                        problem.trendEvent != null && batch.containsKey(problem.trendReportId))
                                .map(problem -> new Published<>(
                                        "trend-signal-" + problem.problemId + "-" + problem.trendEpisodes,
                                        problem.trendEvent))
                                .toList()));
    }

    private static ProblemDetected detected(ProblemEntity problem, TriageView first) {
        return new ProblemDetected(
                problem.problemId,
                problem.productId,
                problem.softwareItem,
                problem.faultCode,
                first.softwareVersion(),
                first.safetyClass(),
                first.hazard(),
                first.severity(),
                first.riskRegion(),
                problem.firstReportId,
                problem.firstSeen,
                problem.detectedAt);
    }
}
