package org.fieldsafety.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.Waits;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;

/**
 * The end state of a run, read where each service keeps it: every accepted report triaged exactly once
 * (triage's table and the distinct ReportTriaged ids on the topic), every FSCA candidate exactly one
 * incident of the one case of its problem, every trend signal on the topic exactly once on its problem's
 * case, one problem report per detected problem, every report of a problem kept among change control's
 * field reports, at most one change request per FSCA case. Polls until the system has caught up, stalls
 * for 90 s, or the bound has passed; what is still missing then is lost.
 */
final class Outcomes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALL = Duration.ofSeconds(90);

    /** What a run lost and duplicated, stage by stage. */
    record Result(
            int reports,
            int triagedInDb,
            int triagedOnTopic,
            int triagedTwice,
            int fscaCandidates,
            int incidentsMissing,
            int incidentsDuplicated,
            int trendSignals,
            int trendSignalsMissing,
            int trendSignalsDuplicated,
            int problemsWithSeveralCases,
            int problemReportsMissing,
            int fieldReportsMissing,
            int problemsWithSeveralReports,
            int casesWithSeveralChangeRequests) {

        int lost() {
            return (reports - triagedInDb)
                    + (reports - triagedOnTopic)
                    + incidentsMissing
                    + trendSignalsMissing
                    + problemReportsMissing
                    + fieldReportsMissing;
        }

        int duplicated() {
            return triagedTwice
                    + incidentsDuplicated
                    + trendSignalsDuplicated
                    + problemsWithSeveralCases
                    + problemsWithSeveralReports
                    + casesWithSeveralChangeRequests;
        }
    }

    private final LocalSystem system;
    private final KafkaProbe kafka;

    Outcomes(LocalSystem system, KafkaProbe kafka) {
        this.system = system;
        this.kafka = kafka;
    }

    /** Waits up to {@code bound} for every stage to show the accepted reports, then counts. */
    Result check(Collection<String> accepted, Duration bound) {
        Set<String> reportIds = new HashSet<>(accepted);
        long deadline = System.nanoTime() + bound.toNanos();
        poll(deadline, () -> reportIds.size() - triagedInDb(reportIds));
        Map<String, Set<String>> eventIds = new HashMap<>();
        Set<String> candidates = new HashSet<>();
        Set<String> ofProblems = new HashSet<>();
        Set<String> problems = new HashSet<>();
        Set<String> trendSignals = new HashSet<>();
        poll(deadline, () -> {
            readTriageTopic(reportIds, eventIds, candidates, ofProblems, problems, trendSignals);
            return reportIds.size() - eventIds.size();
        });
        poll(
                deadline,
                () -> incidentsMissing(candidates)
                        + trendSignalsMissing(trendSignals)
                        + problemReportsMissing(problems)
                        + fieldReportsMissing(ofProblems));
        return new Result(
                reportIds.size(),
                triagedInDb(reportIds),
                eventIds.size(),
                (int) eventIds.values().stream().filter(ids -> ids.size() > 1).count(),
                candidates.size(),
                incidentsMissing(candidates),
                count(
                        Service.FSCA,
                        """
                        select count(*) from (select report_id from fsca_case_incident group by 1
                        having count(*) > 1) d"""),
                trendSignals.size(),
                trendSignalsMissing(trendSignals),
                count(
                        Service.FSCA,
                        """
                        select count(*) from (select s ->> 'signalId' from fsca_case_view,
                        jsonb_array_elements(details -> 'trendSignals') s group by 1 having count(*) > 1) d"""),
                count(
                        Service.FSCA,
                        """
                        select count(*) from (select problem_id from fsca_case_view group by 1
                        having count(*) > 1) d"""),
                problemReportsMissing(problems),
                fieldReportsMissing(ofProblems),
                count(
                        Service.CHANGE_CONTROL,
                        """
                        select count(*) from (select problem_id from problem_report_view where problem_id is not null
                        group by 1 having count(*) > 1) d"""),
                count(
                        Service.CHANGE_CONTROL,
                        """
                        select count(*) from (select fsca_case_id from change_request_view
                        where fsca_case_id is not null group by 1 having count(*) > 1) d"""));
    }

    private int triagedInDb(Set<String> reportIds) {
        return query(
                Service.TRIAGE,
                "select count(*) from triage_result where report_id = any(?)",
                reportIds,
                Outcomes::single);
    }

    /** Reads triage's whole topic again: simple, and seconds for a full run. */
    private void readTriageTopic(
            Set<String> reportIds,
            Map<String, Set<String>> eventIds,
            Set<String> candidates,
            Set<String> ofProblems,
            Set<String> problems,
            Set<String> trendSignals) {
        kafka.forEach(Topics.TRIAGE, record -> {
            String type = KafkaProbe.header(record, "ce_type");
            if (ProblemDetected.TYPE.equals(type)) {
                problems.add(json(record).path("problemId").asText());
            } else if (TrendSignalRaised.TYPE.equals(type)) {
                trendSignals.add(KafkaProbe.header(record, "ce_id"));
            } else if (ReportTriaged.TYPE.equals(type)) {
                JsonNode triaged = json(record);
                String reportId = triaged.path("reportId").asText();
                if (reportIds.contains(reportId)) {
                    eventIds.computeIfAbsent(reportId, id -> new HashSet<>()).add(KafkaProbe.header(record, "ce_id"));
                    if (triaged.path("fscaCandidate").asBoolean()) {
                        candidates.add(reportId);
                    }
                    if (triaged.path("problemId").isTextual()) {
                        ofProblems.add(reportId);
                    }
                }
            }
        });
    }

    private int incidentsMissing(Set<String> candidates) {
        return missing(
                Service.FSCA,
                "select count(distinct report_id) from fsca_case_incident where report_id = any(?)",
                candidates);
    }

    /** Trend signals, by their event id, that no case holds. */
    private int trendSignalsMissing(Set<String> trendSignals) {
        return missing(
                Service.FSCA,
                """
                select count(distinct s ->> 'signalId') from fsca_case_view,
                jsonb_array_elements(details -> 'trendSignals') s where s ->> 'signalId' = any(?)""",
                trendSignals);
    }

    private int problemReportsMissing(Set<String> problems) {
        return missing(
                Service.CHANGE_CONTROL,
                "select count(distinct problem_id) from problem_report_view where problem_id = any(?)",
                problems);
    }

    /** Reports of a problem that change control has not kept as field reports, its facts of IEC 62304 9.7. */
    private int fieldReportsMissing(Set<String> ofProblems) {
        return missing(
                Service.CHANGE_CONTROL, "select count(*) from field_report_view where report_id = any(?)", ofProblems);
    }

    /** How many of {@code ids} are not found by {@code countFound}, which counts those of them it finds. */
    private int missing(Service service, String countFound, Set<String> ids) {
        return ids.size() - query(service, countFound, ids, Outcomes::single);
    }

    private int count(Service service, String sql) {
        return query(service, sql, null, Outcomes::single);
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(Service service, String sql, Collection<String> ids, Rows<T> rows) {
        try (Connection connection = DriverManager.getConnection(
                        system.jdbcUrl(service.database()), PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (ids != null) {
                statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            }
            try (ResultSet result = statement.executeQuery()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": " + e.getMessage(), e);
        }
    }

    private static int single(ResultSet rows) throws SQLException {
        rows.next();
        return rows.getInt(1);
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /**
     * Polls until nothing is missing, the deadline has passed, or nothing more arrived for {@link #STALL}:
     * a slow machine's catch-up is waited for, a loss ends the wait. What is still missing counts as lost.
     */
    private static void poll(long deadline, Supplier<Integer> missing) {
        int least = Integer.MAX_VALUE;
        long progressed = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - progressed < STALL.toNanos()) {
            int now;
            try {
                now = missing.get();
            } catch (RuntimeException unreachable) {
                now = least;
            }
            if (now == 0) {
                return;
            }
            if (now < least) {
                least = now;
                progressed = System.nanoTime();
            }
            Waits.pause();
        }
    }

    static List<String> describe(Result result) {
        return List.of(
                "triaged in DB " + result.triagedInDb() + "/" + result.reports(),
                "ReportTriaged ids " + result.triagedOnTopic() + "/" + result.reports() + ", triaged twice "
                        + result.triagedTwice(),
                "FSCA candidates " + result.fscaCandidates() + ", incidents missing " + result.incidentsMissing()
                        + ", duplicated " + result.incidentsDuplicated() + ", problems with several cases "
                        + result.problemsWithSeveralCases(),
                "trend signals " + result.trendSignals() + ", missing on cases " + result.trendSignalsMissing()
                        + ", duplicated " + result.trendSignalsDuplicated(),
                "field reports missing in change control " + result.fieldReportsMissing(),
                "problem reports missing " + result.problemReportsMissing() + ", problems with several reports "
                        + result.problemsWithSeveralReports() + ", FSCA cases with several change requests "
                        + result.casesWithSeveralChangeRequests());
    }
}
