package org.fieldsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes docs/benchmarks.md from the stored results: first the current state (date, commit, which targets
 * are met), then the machine, method and figures of each scenario, and last the history of every published
 * run's targets, kept from the previous report with this run added on top.
 */
final class Report {

    /** A performance target: a figure's median compared with a bound. */
    private record Target(String title, String figure, boolean atLeast, double bound) {

        String verdict(Map<String, List<Double>> figures, Set<String> smoke) {
            if (!figures.containsKey(figure)) {
                return "| " + title + " | not measured | |";
            }
            return String.format(
                    "| %s | %s | %s%s |",
                    title,
                    medianText(figures),
                    met(figures) ? "PASS" : "GAP",
                    smoke.contains(figure) ? " (smoke run: means nothing)" : "");
        }

        boolean met(Map<String, List<Double>> figures) {
            List<Double> values = figures.get(figure);
            if (values == null) {
                return false;
            }
            double median = Report.median(values);
            return atLeast ? median >= bound : median <= bound;
        }

        /** The figure's median as the history shows it. */
        String medianText(Map<String, List<Double>> figures) {
            List<Double> values = figures.get(figure);
            return values == null ? "not measured" : number(Report.median(values));
        }
    }

    /**
     * The targets a run is judged by. The cost per report is not among them: it falls as the rate rises
     * (larger batches per poll and transaction), so it is compared at one rate in docs/profile.md. The fault
     * suite judges the recovery times (docs/faults.md).
     */
    private static final List<Target> TARGETS = List.of(
            new Target("intake in batches / raw Kafka at least 0.5", "ratio intake batches / raw Kafka", true, 0.5),
            new Target("intake single POSTs at least 5,000/s", "intake single POSTs, reports/s", true, 5_000),
            new Target("Axon append / raw JDBC at least 0.5", "ratio Axon / plain JDBC", true, 0.5),
            new Target("intake's p99 at 1,000/s at most 25 ms", "1000/s intake 202 p99, ms", false, 25),
            new Target(
                    "p99 to the triage result at 1,000/s at most 100 ms", "1000/s triage result p99, ms", false, 100),
            new Target("p99 to the FSCA case at 1,000/s at most 500 ms", "1000/s FSCA case p99, ms", false, 500),
            // kept up with: a request that failed or was never sent counts as left behind too
            new Target(
                    "2,000/s for 60 s: no report left untriaged 10 s after the last send",
                    "2000/s reports not triaged 10 s after the last send",
                    false,
                    0),
            new Target(
                    "projection replay at least 50,000 events/s", "replay into a read model, events/s", true, 50_000));

    private static final Map<String, String> SECTIONS = Map.of(
            "kafka-vs-intake",
            """
            ## 1. Raw Kafka against intake

            The same 1 kB records with acks=all into a topic with fieldsafety.reports.v1's partitions
            of the same broker. Raw Kafka: Kafka's own `ProducerPerformance` of the broker's version (4.1.2),
            300,000 records, default producer settings plus `acks=all`. Intake: `POST /api/v1/field-reports`
            for 30 s over 32 keep-alive HTTP/1.1 connections (Vert.x client), one request in flight per
            connection, counting reports answered 202 (intake answers 202 only after Kafka acknowledged);
            then the same with batches of 100 reports per request (`/batch`). Each request has its own
            `Idempotency-Key`. The load generator sends 200 bodies of each kind in turn, built before the
            clock starts, as ProducerPerformance builds its payload first. First a warm-up, not measured, in
            rounds of 10 s of each kind until the JIT compilers used at most 10 % of the system's CPU in a
            round (at most 10 rounds), as in section 3. Only Kafka, PostgreSQL and intake
            run: the consumers downstream would take CPU from intake but not from the baseline, and the whole
            pipeline is measured in section 3. *CPU per report* is the CPU seconds of every process of the
            system (user and system time from `/proc/<pid>/stat`, PostgreSQL with its backends) during the
            load, divided by the reports accepted; the load generator's own is not in it.""",
            "axon-vs-jdbc",
            """
            ## 2. Raw JDBC against Axon

            Events appended into `domain_event_entry` of `db/event-store` on a durable PostgreSQL 17
            (fsync on), 8 writers for 30 s each. Raw JDBC: each writer inserts one event row per
            auto-committed statement. Axon: 8 threads each send a command that creates an aggregate with one
            event (Axon 4.12 JDBC event store configured like `EventStoreRuntime`, Jackson, one transaction
            per command).""",
            "latency",
            """
            ## 3. End-to-end latency at fixed rates

            Open model: report i is due at start + i / rate whatever happened to earlier reports, and every
            latency counts from that due time, so a system that falls behind shows its queue (no coordinated
            omission). 60 s per rate over 512 keep-alive connections (a fleet, not a few gateways: over 32, a
            report waited for a free connection whenever answers took longer than 32 ms at 1,000/s); one
            report in 20 is an FSCA candidate (serious injury, UNACCEPTABLE risk), spread over 50 freshly
            registered products so each measurement starts with empty cases; the other 19 are harmless
            reports of the same products, whose burst raises a trend signal per product (one signal on its
            case since decision 0006; before, every one of them became an incident of that case). First a
            warm-up at the first rate, not measured, in rounds of 30 s until the JIT compilers of the JVMs
            used at most 10 % of the system's CPU in a round (at most 10 rounds): on these two cores C2 took
            over a third of the machine for minutes after a start, and a measurement then measured the
            compilers, not a service that runs for days. Each run then first watches the system idle for
            30 s: *idle system CPU* is the cores it used with no report coming in (the load generator's
            own apart; its PostgreSQL sampler below is in it). What each percentile measures:

            - *intake 202*: due time until the client received the 202;
            - *triage result*: due time until the report's ReportTriaged reached a consumer of
              fieldsafety.triage.v1 (triage commits the result before it publishes, so
              `GET /api/v1/triage/{id}` answers 200 from then on);
            - *FSCA case*: due time until the candidate's incident was found in fsca's case read model (the
              table behind `GET /api/v1/fsca-cases`), polled every 25 ms (adds up to 25 ms).

            A report not observed within 60 s after the last send counts with the time the wait ended (the
            notes give how many). *Reports not triaged 10 s after the last send* counts every report of the rate
            whose triage result had not been seen by then, a request that failed or was never sent among them.
            The next rate starts once every consumer group has committed every record:
            *backlog left* is how long that took after the wait ended (at most 600 s). A request that gets
            no connection within 30 s, or no answer 30 s after it was sent, fails and is counted among the
            failures with its reason (never sent, waiting in the client's queue for a connection, or sent and
            not answered); none is waited on. *CPU per accepted report* is the CPU seconds of every process of
            the system (user and system time from `/proc/<pid>/stat`, PostgreSQL and Keycloak with their
            descendants) from the first send until the backlog was worked off, divided by the reports intake
            accepted; *JIT compilers' share* is the part of those seconds in the JVMs' C1 and C2 compiler
            threads (`/proc/<pid>/task`). The notes give each process's seconds with its compilers' in
            brackets, the load generator's own (not in the total), PostgreSQL's seconds by database (each
            backend by the database in its process title; its own processes and ended backends as `server`),
            and its busiest statements:
            `pg_stat_activity` sampled every 100 ms over the same span (`PgActivity`), each statement counted in
            the samples that found it running (waiting for a lock or a flush counts), then the statements that
            took the most execution time over the span, with their calls (`pg_stat_statements`; a `COMMIT`'s
            time includes its flush).""",
            "replay",
            """
            ## 4. Projection replay

            1,000,000 stored events (one per aggregate, written with COPY) replayed by an event processor
            configured like the services' read models (pooled streaming, four segments, batches of 100, one
            transaction per batch with the token) into a read model table, written as the services' `Projections`
            write: per batch one query for the rows that exist, then the others' inserts in one JDBC batch; from
            the processor's start until the last batch committed.""",
            "startup",
            """
            ## 5. Start time and resident memory

            From starting a fresh system (`LocalSystem`: Kafka and PostgreSQL formatted, databases created,
            then the four services in parallel, migrating their schemas) until every service answers UP on
            `/q/health/ready`. Resident memory: VmRSS from `/proc/<pid>/status` right after, idle;
            PostgreSQL's sums the server and its backends (shared buffers count more than once).""",
            "console-pages",
            """
            ## 6. The console's pages with 10,000 cases

            10,000 open cases in fsca's store, each one serious incident of its own problem (20 products,
            aware over the last 20 days, EU MDR clocks of 2, 10 and 15 days, so some missed), published on
            fieldsafety.triage.v1 as triage publishes them into a running fsca-service (only it, Kafka,
            PostgreSQL and Keycloak run); the draft generator proposes each incident's EU MDR and FDA report,
            so the store holds 20,000 draft reports. Once the read models hold them all, regulatory affairs
            signs in through the console's authorization code flow at Keycloak, and each page kind is loaded
            10 times to warm up, then 50 times (or for 60 s, whichever ends first), one request at a time
            over a keep-alive connection: from sending the request until the whole page arrived. The case and
            report pages cycle through every 200th case and report. Target: every page under 300 ms.""");

    private static final List<String> ORDER =
            List.of("kafka-vs-intake", "axon-vs-jdbc", "latency", "replay", "startup", "console-pages");

    static final String HISTORY = "## History";

    /** The history's table head: when and where each published run was written, and its targets' medians. */
    static final String HISTORY_TABLE =
            TARGETS.stream().map(Target::figure).collect(Collectors.joining(" | ", "| written | commit | ", " |\n"))
                    + "|---|---|" + "---:|".repeat(TARGETS.size()) + "\n";

    private Report() {}

    static void write(Path results, Path out, String note) throws IOException, InterruptedException {
        List<Results.Scenario> scenarios = Results.load(results);
        scenarios.sort((a, b) -> ORDER.indexOf(a.scenario()) - ORDER.indexOf(b.scenario()));
        Map<String, List<Double>> all = scenarios.stream()
                .flatMap(s -> s.figures().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        String written =
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String commit = command("git", "rev-parse", "--short", "HEAD");
        Set<String> smoke = scenarios.stream()
                .filter(Results.Scenario::smoke)
                .flatMap(s -> s.figures().keySet().stream())
                .collect(Collectors.toSet());
        StringBuilder md = new StringBuilder("# Benchmarks\n\n## Current state\n\n");
        md.append("Written by `tools/bench/all` (see the README) on ")
                .append(written)
                .append(" at commit `")
                .append(commit)
                .append("`: ")
                .append(TARGETS.stream().filter(target -> target.met(all)).count())
                .append(" of ")
                .append(TARGETS.size())
                .append(" targets met. Earlier runs are under History at the end.\n\n");
        md.append("| target | median | verdict |\n|---|---:|---|\n");
        TARGETS.forEach(target -> md.append(target.verdict(all, smoke)).append('\n'));
        if (!note.isEmpty()) {
            md.append("\n**").append(note).append("**\n");
        }
        md.append("\nMachine: ")
                .append(machine())
                .append(". Every component runs on it at once: Kafka, PostgreSQL, the four services and the load"
                        + " generator.\n\nEach figure is the median of the runs, with the minimum and maximum.\n");
        for (Results.Scenario scenario : scenarios) {
            md.append('\n').append(SECTIONS.getOrDefault(scenario.scenario(), "## " + scenario.scenario()));
            if (scenario.smoke()) {
                md.append("\n\n*Smoke run (seconds, tiny counts): it proves the harness works; its figures say"
                        + " nothing about the system.*");
            }
            md.append("\n\n| figure | median | min | max | runs |\n|---|---:|---:|---:|---:|\n");
            scenario.figures()
                    .forEach((name, values) -> md.append(String.format(
                            "| %s | %s | %s | %s | %d |%n",
                            name,
                            number(median(values)),
                            number(values.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .min()
                                    .orElseThrow()),
                            number(values.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .max()
                                    .orElseThrow()),
                            values.size())));
            List<String> notes = scenario.runs().stream()
                    .flatMap(run -> run.notes().stream())
                    .toList();
            if (!notes.isEmpty()) {
                md.append("\nNotes of the runs:\n\n");
                notes.forEach(line -> md.append("- ").append(line).append('\n'));
            }
        }
        String previous = Files.isRegularFile(out) ? Files.readString(out) : "";
        String row = TARGETS.stream()
                .map(target -> target.medianText(all))
                .collect(Collectors.joining(" | ", "| " + written + " | `" + commit + "` | ", " |"));
        md.append('\n').append(history(previous, row));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        Bench.log("wrote " + out);
    }

    /**
     * The history section of the previous report (from its {@value #HISTORY} heading to its end; a new one
     * when it has none) with {@code row} as the first run of its table, unless a row with the same commit
     * and figures is there already.
     */
    static String history(String previous, String row) {
        int start = previous.indexOf("\n" + HISTORY + "\n");
        String history = start < 0 ? HISTORY + "\n\n" + HISTORY_TABLE : previous.substring(start + 1);
        if (history.contains(row.substring(row.indexOf('|', 1)))) {
            return history;
        }
        int table = history.indexOf(HISTORY_TABLE);
        if (table < 0) {
            return history.stripTrailing() + "\n\n" + HISTORY_TABLE + row + "\n";
        }
        int firstRow = table + HISTORY_TABLE.length();
        return history.substring(0, firstRow) + row + "\n" + history.substring(firstRow);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    private static String machine() throws IOException {
        List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String model = cpu.stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .findFirst()
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .orElse(0L);
        return String.format(
                "%s, %d cores, %.1f GB RAM, %s %s, Java %s",
                model,
                Runtime.getRuntime().availableProcessors(),
                memoryKb / 1024.0 / 1024.0,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"));
    }

    private static String command(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 ? output : "unknown";
    }
}
