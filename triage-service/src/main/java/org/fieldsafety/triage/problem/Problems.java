package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.triage.result.TriageView;

/**
 * Problems and their trends, inside the transaction that stores a batch of triage results (callers
 * provide it): a problem is new when its row is inserted (on conflict, nothing), and its trend is
 * evaluated with every new report (MDR Art. 88, IEC 62304 9.6) and, while in a trend episode, on a schedule
 * ({@link TrendReevaluation}). What a batch publishes is read back from
 * the rows: the ProblemDetected of every problem whose first report is in the batch and the signal of
 * every episode raised by a report of the batch, so a redelivered batch publishes them again, unchanged.
 *
 * <p>A trend counts a problem's stored reports from {@code problem_day_count} (whole UTC days) and, for the
 * two days on which the recent and the baseline windows start, from the reports themselves, so the count is
 * exact to the instant and reads at most a window's days per problem however many reports it has.
 */
@ApplicationScoped
public class Problems {

    private final TrendDetector detector;

    Problems(TrendDetector detector) {
        this.detector = detector;
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
                : insertNew(fresh, now).chain(() -> evaluate(fresh, now)).call(() -> addToDays(fresh));
        return signalling.chain(problems -> events(problems, batch));
    }

    /** The product's problems by id, with their trend state (MDR Art. 88). */
    @WithSession
    public Uni<Map<String, ProblemEntity>> ofProduct(String productId) {
        return ProblemEntity.<ProblemEntity>list("productId", productId).map(problems -> problems.stream()
                .collect(Collectors.toMap(problem -> problem.problemId, Function.identity())));
    }

    private static Uni<Void> insertNew(List<TriageView> fresh, Instant now) {
        Map<String, TriageView> firsts = new LinkedHashMap<>();
        fresh.forEach(view -> firsts.putIfAbsent(view.problemId(), view));
        return insert(
                "problem (problem_id, product_id, software_item, fault_code, first_report_id, first_seen,"
                        + " detected_at)",
                firsts.values().stream()
                        .map(first -> Arrays.<Object>asList( // software item and fault code may be null
                                first.problemId(),
                                first.productId(),
                                first.softwareItem(),
                                first.faultCode(),
                                first.reportId(),
                                first.awareAt(),
                                now))
                        .toList(),
                "on conflict (problem_id) do nothing");
    }

    /** A row of problem_day_count: a problem's reports of one UTC day of awareness. */
    private record ProblemDay(String problemId, LocalDate day) {}

    /** Adds the fresh reports to their problems' days, once their trends are evaluated. */
    private static Uni<Void> addToDays(List<TriageView> fresh) {
        Map<ProblemDay, Long> perDay = new LinkedHashMap<>();
        fresh.forEach(view -> perDay.merge(new ProblemDay(view.problemId(), day(view.awareAt())), 1L, Long::sum));
        return insert(
                "problem_day_count (problem_id, day, reports)",
                perDay.entrySet().stream()
                        .map(day -> List.<Object>of(
                                day.getKey().problemId(), day.getKey().day(), day.getValue()))
                        .toList(),
                "on conflict (problem_id, day) do update set reports = problem_day_count.reports + excluded.reports");
    }

    /** One statement for all {@code rows}: {@code insert into <into> values (...), (...) <onConflict>}. */
    private static Uni<Void> insert(String into, List<List<Object>> rows, String onConflict) {
        StringBuilder sql = new StringBuilder("insert into ").append(into).append(" values ");
        List<Object> parameters = new ArrayList<>();
        for (List<Object> row : rows) {
            sql.append(parameters.isEmpty() ? "(" : ", (");
            for (int i = 0; i < row.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('?').append(parameters.size() + i + 1);
            }
            sql.append(')');
            parameters.addAll(row);
        }
        sql.append(' ').append(onConflict);
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                insert.setParameter(i + 1, parameters.get(i));
            }
            return insert.executeUpdate().replaceWithVoid();
        });
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
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
        return assess(
                ProblemEntity.<ProblemEntity>find("problemId in ?1 order by problemId", List.copyOf(counts.keySet()))
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list(),
                counts,
                latest,
                now);
    }

    /**
     * Re-evaluates at {@code now} the trend of every problem in signal state, so that an episode ends when
     * its reports stop coming, not only when the next one arrives (MDR Art. 88: the trend report covers the
     * period of the increase); answers the problems still in signal state. Callers provide the transaction.
     */
    public Uni<Set<String>> reevaluateEpisodes(Instant now) {
        return assess(
                ProblemEntity.<ProblemEntity>find("trendSignal = true order by problemId")
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .list(),
                new HashMap<>(),
                Map.of(),
                now);
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
                        : countStored(
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

    /**
     * Adds the stored reports of {@code problemIds} to their {@code counts}: recent ones (aware after {@code
     * recentStart}) and baseline ones (aware after {@code baselineStart}, not after {@code recentStart}). The
     * whole days between come from problem_day_count; the reports of the day the recent window starts on, and
     * of the baseline's first day up to the next, from triage_result, each as one range of its (problem_id,
     * aware_at) index: a condition with "or" would scan every report of the problem since the baseline's start.
     */
    private static Uni<Void> countStored(
            List<String> problemIds, Instant recentStart, Instant baselineStart, Map<String, long[]> counts) {
        LocalDate recentDay = day(recentStart);
        LocalDate baselineDay = day(baselineStart);
        String sql =
                """
                select problem_id, sum(recent), sum(baseline) from (
                    select problem_id,
                           coalesce(sum(reports) filter (where day > ?2), 0) recent,
                           coalesce(sum(reports) filter (where day < ?2), 0) baseline
                    from problem_day_count where problem_id in (?1) and day > ?3 group by problem_id
                  union all
                    select problem_id, count(*) filter (where aware_at > ?4), count(*) filter (where aware_at <= ?4)
                    from triage_result where problem_id in (?1) and aware_at >= ?5 and aware_at < ?6 and aware_at > ?7
                    group by problem_id
                  union all
                    select problem_id, 0, count(*)
                    from triage_result where problem_id in (?1) and aware_at > ?7 and aware_at < ?8
                    group by problem_id) stored
                group by problem_id""";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, problemIds)
                        .setParameter(2, recentDay)
                        .setParameter(3, baselineDay)
                        .setParameter(4, recentStart)
                        .setParameter(5, startOf(recentDay))
                        .setParameter(6, startOf(recentDay.plusDays(1)))
                        .setParameter(7, baselineStart)
                        .setParameter(8, min(startOf(baselineDay.plusDays(1)), startOf(recentDay)))
                        .getResultList())
                .invoke(rows -> rows.forEach(row -> {
                    long[] count = counts.computeIfAbsent((String) row[0], id -> new long[2]);
                    count[0] += ((Number) row[1]).longValue();
                    count[1] += ((Number) row[2]).longValue();
                }))
                .replaceWithVoid();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
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
        return ProblemEntity.<ProblemEntity>list("firstReportId in ?1 or trendReportId in ?1", reportIds)
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
