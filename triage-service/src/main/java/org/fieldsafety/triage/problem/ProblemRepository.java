package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.triage.result.TriageView;
import org.fieldsafety.triage.trend.TrendCounts;

/**
 * The problems (IEC 62304 9.1) and their report counts in PostgreSQL, inside the caller's transaction: a
 * problem is new when its row is inserted (on conflict, nothing); its reports are counted per UTC day in
 * {@code problem_day_count}, and, for the two days on which a trend's recent and baseline windows start,
 * from the reports themselves, so a count is exact to the instant and reads at most a window's days per
 * problem however many reports it has.
 */
@ApplicationScoped
class ProblemRepository {

    /** Inserts the problems first reported by {@code fresh}, new events only. */
    Uni<Void> insertNew(List<TriageView> fresh, Instant now) {
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

    /** A row of problem_day_count: a problem's counted reports of one UTC day of awareness and one severity. */
    private record ProblemDay(String problemId, LocalDate day, int severity) {}

    /** Adds the fresh counted reports to their problems' days, once their trends are evaluated. */
    Uni<Void> addToDays(List<Counted> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<ProblemDay, Long> perDay = new LinkedHashMap<>();
        fresh.forEach(report -> perDay.merge(
                new ProblemDay(report.problemId(), day(report.awareAt()), report.severity()), 1L, Long::sum));
        return insert(
                "problem_day_count (problem_id, day, severity, reports)",
                perDay.entrySet().stream()
                        .map(day -> List.<Object>of(
                                day.getKey().problemId(),
                                day.getKey().day(),
                                day.getKey().severity(),
                                day.getValue()))
                        .toList(),
                "on conflict (problem_id, day, severity) do update set reports = problem_day_count.reports"
                        + " + excluded.reports");
    }

    /** A report a trend counts ({@link org.fieldsafety.triage.trend.TrendCounting}). */
    record Counted(String reportId, String problemId, Instant awareAt, int severity) {}

    /** The problems locked for their trend's evaluation, in id order, so two evaluations cannot deadlock. */
    Uni<List<ProblemEntity>> lock(List<String> problemIds) {
        return ProblemEntity.<ProblemEntity>find("problemId in ?1 order by problemId", problemIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The problems in a trend episode, locked in id order as {@link #lock} does. */
    Uni<List<ProblemEntity>> lockSignalling() {
        return ProblemEntity.<ProblemEntity>find("trendSignal = true order by problemId")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Adds the stored counted reports of {@code problemIds} to their {@code counts}: recent ones (aware after
     * {@code recentStart}) by severity, and baseline ones (aware after {@code baselineStart}, not after {@code
     * recentStart}). The whole days between come from problem_day_count; the reports of the day the recent
     * window starts on, and of the baseline's first day up to the next, from triage_result, each as one range
     * of its (problem_id, aware_at) index of counted reports: a condition with "or" would scan every report of
     * the problem since the baseline's start.
     */
    Uni<Void> countStored(
            List<String> problemIds, Instant recentStart, Instant baselineStart, Map<String, TrendCounts> counts) {
        LocalDate recentDay = day(recentStart);
        LocalDate baselineDay = day(baselineStart);
        String sql =
                """
                select problem_id, severity, sum(recent), sum(baseline) from (
                    select problem_id, severity,
                           coalesce(sum(reports) filter (where day > ?2), 0) recent,
                           coalesce(sum(reports) filter (where day < ?2), 0) baseline
                    from problem_day_count where problem_id in (?1) and day > ?3 group by problem_id, severity
                  union all
                    select problem_id, trend_severity,
                           count(*) filter (where aware_at > ?4), count(*) filter (where aware_at <= ?4)
                    from triage_result
                    where problem_id in (?1) and trend_severity is not null
                      and aware_at >= ?5 and aware_at < ?6 and aware_at > ?7
                    group by problem_id, trend_severity
                  union all
                    select problem_id, trend_severity, 0, count(*)
                    from triage_result
                    where problem_id in (?1) and trend_severity is not null and aware_at > ?7 and aware_at < ?8
                    group by problem_id, trend_severity) stored
                group by problem_id, severity""";
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
                    TrendCounts count = counts.computeIfAbsent((String) row[0], id -> new TrendCounts());
                    count.addRecent(((Number) row[1]).intValue(), ((Number) row[2]).longValue());
                    count.addBaseline(((Number) row[3]).longValue());
                }))
                .replaceWithVoid();
    }

    /**
     * The problems first reported, or whose current episode was raised, by one of these reports: the ids as one
     * array, as {@code TriageResultEntity.of} takes them, since a batch's thousand ids as a list parameter were
     * translated to SQL again at every execution.
     */
    Uni<List<ProblemEntity>> ofReports(List<String> reportIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select * from problem where first_report_id = any(?1) or trend_report_id = any(?1)",
                        ProblemEntity.class)
                .setParameter(1, reportIds.toArray(String[]::new))
                .getResultList());
    }

    /** The product's problems by id, with their trend state (MDR Art. 88). */
    Uni<Map<String, ProblemEntity>> ofProduct(String productId) {
        return ProblemEntity.<ProblemEntity>list("productId", productId).map(problems -> problems.stream()
                .collect(Collectors.toMap(problem -> problem.problemId, Function.identity())));
    }

    /** A problem's counted reports per UTC day of awareness from {@code from} on; days without one left out. */
    Uni<Map<LocalDate, Long>> perDay(String problemId, LocalDate from) {
        String sql =
                "select cast(day as text), sum(reports) from problem_day_count where problem_id = ?1 and day >= ?2 group by day";
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, problemId)
                        .setParameter(2, from)
                        .getResultList())
                .map(rows -> rows.stream()
                        .collect(Collectors.toMap(
                                row -> LocalDate.parse((String) row[0]), row -> ((Number) row[1]).longValue())));
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

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
