package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.triage.classification.ProductEntry;
import org.fieldsafety.triage.classification.ProductEntry.Foreseen;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;
import org.fieldsafety.triage.registry.ProductRegistry;
import org.fieldsafety.triage.result.TriageView;
import org.fieldsafety.triage.trend.InstalledBase;
import org.fieldsafety.triage.trend.TrendCounting;
import org.fieldsafety.triage.trend.TrendCounts;
import org.fieldsafety.triage.trend.TrendDetector;

/**
 * Tracks problems and their trends around the pure {@link TrendDetector}, inside the transaction that
 * stores a batch of triage results (callers provide it): the problems first reported by the batch's new
 * events are recorded ({@link ProblemRepository}), and the trends of the problems of the reports a trend
 * counts ({@link TrendCounting}) evaluated with every such report (MDR Art. 88, IEC 62304 9.6) against what
 * the product's PMS plan foresees for its devices in use (the registry, {@link ProductRegistry}) and, while
 * in a trend episode, on a schedule ({@link TrendReevaluation}). What a batch publishes is read back from the
 * problems: the ProblemDetected of every problem whose first report is in the batch and the signal of every
 * episode raised by a report of the batch, so a redelivered batch publishes them again, unchanged.
 */
@ApplicationScoped
public class TrendTracker {

    private final TrendDetector detector;
    private final ProblemRepository repository;
    private final ProductRegistry registry;

    TrendTracker(TrendDetector detector, ProblemRepository repository, ProductRegistry registry) {
        this.detector = detector;
        this.repository = repository;
        this.registry = registry;
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
        List<TriageView> newEvents = fresh.stream().filter(TriageView::newEvent).toList();
        List<ProblemRepository.Counted> counted = fresh.stream()
                .filter(view -> counted(view) != null)
                .map(view ->
                        new ProblemRepository.Counted(view.reportId(), view.problemId(), view.awareAt(), counted(view)))
                .toList();
        Uni<Set<String>> signalling = newEvents.isEmpty()
                ? Uni.createFrom().item(Set.of())
                : repository
                        .insertNew(newEvents, now)
                        .chain(() -> evaluate(counted, now))
                        .call(() -> repository.addToDays(counted));
        return signalling.chain(problems -> events(problems, batch));
    }

    private static Integer counted(TriageView view) {
        return TrendCounting.countedSeverity(view.seriousIncident(), view.newEvent(), view.severity());
    }

    /** The product's problems by id, with their trend state (MDR Art. 88). */
    @WithSession
    public Uni<Map<String, ProblemEntity>> ofProduct(String productId) {
        return repository.ofProduct(productId);
    }

    /**
     * The problem's counted reports in each of the last {@code weeks} UTC weeks up to the week of {@code now},
     * against what its trend expects per week.
     */
    @WithSession
    public Uni<ProblemWeeks> weeks(String problemId, int weeks, Instant now) {
        return ProblemEntity.<ProblemEntity>findById(problemId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Problem " + problemId))
                .chain(problem -> repository
                        .perDay(
                                problemId,
                                LocalDate.ofInstant(now, ZoneOffset.UTC).minusWeeks(weeks))
                        .map(perDay -> ProblemWeeks.of(problem, perDay, weeks, now, detector.window())));
    }

    /** Evaluates the trend of every problem with fresh counted reports; answers the problems in signal state. */
    private Uni<Set<String>> evaluate(List<ProblemRepository.Counted> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Instant recentStart = now.minus(detector.window());
        Instant baselineStart = recentStart.minus(detector.baseline());
        Map<String, TrendCounts> counts = new HashMap<>();
        Map<String, String> latest = new HashMap<>();
        for (ProblemRepository.Counted report : fresh) {
            latest.put(report.problemId(), report.reportId());
            TrendCounts count = counts.computeIfAbsent(report.problemId(), id -> new TrendCounts());
            if (report.awareAt().isAfter(recentStart)) {
                count.addRecent(report.severity(), 1);
            } else if (report.awareAt().isAfter(baselineStart)) {
                count.addBaseline(1);
            }
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
     * Adds the stored reports to the {@code counts} of the {@code locked} problems and records the assessment
     * of each against its product's registry entry; {@code latest} is the last counted report of each problem
     * in the batch, which raises a new episode. The problems are locked first, in id order, so that a
     * batch and a re-evaluation of the same problem run one after the other (and cannot deadlock), each
     * counting what the other stored. A re-evaluation locks only problems in signal state, so it never raises
     * a signal.
     */
    private Uni<Set<String>> assess(
            Uni<List<ProblemEntity>> locked, Map<String, TrendCounts> counts, Map<String, String> latest, Instant now) {
        Instant recentStart = now.minus(detector.window());
        Instant baselineStart = recentStart.minus(detector.baseline());
        return locked.chain(problems -> {
            if (problems.isEmpty()) {
                return Uni.createFrom().item(Set.<String>of());
            }
            List<String> problemIds =
                    problems.stream().map(problem -> problem.problemId).toList();
            Set<String> productIds =
                    problems.stream().map(problem -> problem.productId).collect(Collectors.toSet());
            return repository
                    .countStored(problemIds, recentStart, baselineStart, counts)
                    .chain(() -> registry.current(productIds))
                    .map(products -> {
                        Set<String> signalling = new HashSet<>();
                        for (ProblemEntity problem : problems) {
                            ProductEntry entry = products.containsKey(problem.productId)
                                    ? products.get(problem.productId).entry()
                                    : null;
                            TrendDetector.Assessment assessment = detector.assess(
                                    counts.getOrDefault(problem.problemId, new TrendCounts()),
                                    foreseen(entry, problem),
                                    new InstalledBase(entry == null ? List.of() : entry.devicesInUse()),
                                    now);
                            TrendDetector.Transition transition =
                                    TrendDetector.transition(problem.trendSignal, assessment);
                            record(problem, assessment, transition, latest.get(problem.problemId), recentStart, now);
                            if (transition.signalling()) {
                                signalling.add(problem.problemId);
                            }
                        }
                        return signalling;
                    });
        });
    }

    /** What the PMS plan foresees for the problem's fault, null when nothing. */
    private static Foreseen foreseen(ProductEntry entry, ProblemEntity problem) {
        return entry == null
                ? null
                : entry.hazardOf(problem.faultCode, problem.softwareItem)
                        .map(Hazard::foreseen)
                        .orElse(null);
    }

    private void record(
            ProblemEntity problem,
            TrendDetector.Assessment assessment,
            TrendDetector.Transition transition,
            String reportId,
            Instant windowStart,
            Instant now) {
        problem.trendSignal = transition.signalling();
        problem.trendObserved = assessment.observed();
        problem.trendExpected = assessment.expected();
        problem.trendPValue = assessment.pValue();
        problem.trendTest = assessment.test().name();
        problem.trendFindings = assessment.findings().stream().map(Enum::name).collect(Collectors.joining(","));
        problem.trendDevicesInUse = assessment.devicesInUse();
        problem.trendResult = assessment.result();
        problem.trendEvaluatedAt = now;
        if (transition == TrendDetector.Transition.END) {
            problem.trendSince = null;
        }
        if (transition == TrendDetector.Transition.RAISE) {
            problem.trendSince = now;
            problem.trendEpisodes++;
            problem.trendReportId = reportId;
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
                    now,
                    assessment.test().name(),
                    assessment.findings().stream().map(Enum::name).toList(),
                    assessment.devicesInUse(),
                    assessment.foreseenRate(),
                    assessment.foreseenSource(),
                    assessment.pValue(),
                    assessment.result());
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
