package org.fieldsafety.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.Service;

/**
 * Scenario 3: end-to-end latency at fixed rates (open model: report i is due at start + i / rate whether
 * or not earlier ones were answered, and every latency counts from that due time, so a stalled system
 * cannot hide its queue). Three observable points per report:
 *
 * <ul>
 *   <li>intake 202: the response arrived at the client;
 *   <li>triage result readable: its ReportTriaged reached a consumer of fieldsafety.triage.v1 (triage
 *       commits the result before it publishes, so GET /api/v1/triage/{id} answers 200 by then);
 *   <li>FSCA case visible: for the one report in {@link #CANDIDATE_EVERY} that is an FSCA candidate, its
 *       incident appears in fsca's case read model (the table behind GET /api/v1/fsca-cases), polled
 *       every {@link #POLL} ms.
 * </ul>
 *
 * Each measurement registers fresh products, so its FSCA cases start empty, and starts once every consumer
 * group has worked off what the measurement before left queued (how long that took is a figure too).
 */
final class Latency {

    static final int CANDIDATE_EVERY = 20;
    /** The bench's own JVM among the processes whose CPU is measured, apart from the system's total. */
    private static final String LOAD_GENERATOR = "load generator";
    /** How many of PostgreSQL's busiest statements a measurement's note names. */
    private static final int TOP_STATEMENTS = 5;

    static final long POLL = 25;
    private static final int PRODUCTS = 50;
    /**
     * A fleet's devices each send over a connection of their own, so the reports of a second do not queue
     * behind a few connections: with 32, a report waited for a free connection whenever answers took over
     * 32 ms at 1,000/s, and that queue was measured as intake's latency (one run each: 19,655 of 60,000
     * requests unanswered when the wait ended with 32 connections, none with 512).
     */
    static final int CONNECTIONS = 512;
    /** One round of the warm-up. */
    private static final Duration WARM_UP = Duration.ofSeconds(30);

    /** The smoke run's one warm-up round and its idle watch. */
    private static final Duration SMOKE = Duration.ofSeconds(1);
    /** How long a run first watches the system idle. */
    private static final Duration IDLE = Duration.ofSeconds(30);
    /** A rate is kept up with when every report sent is triaged this long after the last send. */
    private static final Duration KEPT_UP = Duration.ofSeconds(10);
    /** The longest wait for a measurement's queued work before the next one starts. */
    private static final Duration BACKLOG_BOUND = Duration.ofMinutes(10);

    private Latency() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        List<Integer> rates = !options.rates().isEmpty()
                ? options.rates()
                : options.smoke() ? List.of(50) : List.of(500, 1_000, 2_000);
        Duration duration = options.smoke() ? Duration.ofSeconds(3) : Duration.ofSeconds(60);
        Duration drain = Duration.ofSeconds(options.smoke() ? 30 : 60);
        List<Results.Run> runs = new ArrayList<>();
        try (BenchSystem bench = BenchSystem.start();
                HttpLoad http = new HttpLoad(bench.system.baseUrl(Service.INTAKE), bench.apiKey, CONNECTIONS);
                Observer observer = new Observer(bench);
                PgActivity database = new PgActivity(bench.system.jdbcUrl("postgres"))) {
            Map<String, Long> processes = new LinkedHashMap<>(bench.system.pids());
            processes.put(LOAD_GENERATOR, ProcessHandle.current().pid());
            Probes probes = new Probes(new ProcessCpu(processes), database);
            // at the first rate, which a system that keeps up at all keeps up with, until the JIT has settled
            int warmRate = options.smoke() ? 100 : rates.get(0);
            for (int round = 1; ; round++) {
                Measurement warm = measure(
                        bench,
                        http,
                        observer,
                        probes,
                        "warmup" + round,
                        warmRate,
                        options.smoke() ? SMOKE : WARM_UP,
                        drain);
                if (Bench.warmedUp(options, round, warm.compilerShare())) {
                    break;
                }
            }
            for (int run = 1; run <= options.runs(); run++) {
                Map<String, Double> figures = new LinkedHashMap<>();
                List<String> notes = new ArrayList<>();
                figures.put("idle system CPU, cores", idleCores(probes, options.smoke() ? SMOKE : IDLE));
                for (int rate : rates) {
                    Measurement measured =
                            measure(bench, http, observer, probes, "r" + run + "x" + rate, rate, duration, drain);
                    measured.into(rate, figures, notes);
                    Bench.log(notes.get(notes.size() - 1));
                }
                runs.add(Bench.done(run, new Results.Run(figures, notes)));
            }
        }
        return runs;
    }

    /**
     * The cores the system uses with no report coming in: its processors polling, its schedulers, its
     * brokers' own work. A report's cost is the rest.
     */
    private static double idleCores(Probes probes, Duration span) throws InterruptedException {
        Map<String, Double> before = probes.cpu.snapshot();
        Thread.sleep(span.toMillis());
        return systemSeconds(ProcessCpu.between(before, probes.cpu.snapshot())) / span.toSeconds();
    }

    /** The seconds of the system's processes together: all of {@code seconds} but the load generator's. */
    private static double systemSeconds(Map<String, Double> seconds) {
        return ProcessCpu.total(seconds) - seconds.getOrDefault(LOAD_GENERATOR, 0.0);
    }

    private static Measurement measure(
            BenchSystem bench,
            HttpLoad http,
            Observer observer,
            Probes probes,
            String name,
            int rate,
            Duration duration,
            Duration drain)
            throws Exception {
        List<String> products = BenchSystem.products("BENCH-" + name.toUpperCase(), PRODUCTS);
        bench.register(products);
        observer.watch(products);
        Bench.log(name + ": " + rate + " reports/s for " + duration.toSeconds() + " s");
        int count = (int) (rate * duration.toSeconds());
        long[] due = new long[count];
        long[] accepted = new long[count];
        AtomicReferenceArray<String> reportIds = new AtomicReferenceArray<>(count);
        AtomicInteger answered = new AtomicInteger();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        // built before the clock starts: JSON built on the sending thread would delay the sends
        byte[][] bodies = IntStream.range(0, count)
                .mapToObj(i -> Reports.json(Reports.report(i, i % CANDIDATE_EVERY == 0, products)))
                .toArray(byte[][]::new);
        Map<String, Double> cpuBefore = probes.cpu.snapshot();
        Map<String, Double> compilersBefore = probes.cpu.compilerSnapshot();
        Map<String, Double> postgresBefore = probes.cpu.postgresSnapshot();
        probes.database.reset();
        long start = System.nanoTime() + 10_000_000;
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int index = i;
            due[i] = start + i * interval;
            for (long wait = due[i] - System.nanoTime(); wait > 0; wait = due[i] - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            http.post(KafkaVsIntake.FIELD_REPORTS, bodies[i]).whenComplete((reply, error) -> {
                try {
                    accepted[index] = System.nanoTime();
                    if (error == null && reply.status() == 202) {
                        reportIds.set(index, reply.body().toJsonObject().getString("reportId"));
                    } else {
                        String reason = error != null ? HttpLoad.reason(error) : "HTTP " + reply.status();
                        failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
                    }
                } finally {
                    // every request ends here, answered, failed or timed out (HttpLoad.TIMEOUT): none is waited on
                    answered.incrementAndGet();
                }
            });
        }
        long lastSend = System.nanoTime();
        double sendSeconds = (lastSend - start) / 1e9;
        long drainEnd = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < drainEnd && !observer.complete(reportIds, answered.get() == count)) {
            Thread.sleep(POLL);
        }
        long cutoff = System.nanoTime();
        Measurement measured = new Measurement(count / sendSeconds, failures);
        long keptUp = lastSend + KEPT_UP.toNanos();
        for (int i = 0; i < count; i++) {
            String reportId = reportIds.get(i);
            boolean answeredInTime = accepted[i] != 0 && accepted[i] <= cutoff;
            if (answeredInTime && reportId == null) {
                measured.behind++;
                continue; // failed, counted above
            }
            boolean candidate = i % CANDIDATE_EVERY == 0;
            if (!answeredInTime) {
                measured.unanswered++;
                measured.behind++; // the wait ran its full length, past KEPT_UP
                measured.record(cutoff - due[i], cutoff - due[i], candidate ? cutoff - due[i] : -1);
                continue;
            }
            Long triaged = observer.triaged.get(reportId);
            Long visible = observer.visible.get(reportId);
            measured.notTriaged += triaged == null ? 1 : 0;
            measured.behind += triaged == null || triaged > keptUp ? 1 : 0;
            measured.notVisible += candidate && visible == null ? 1 : 0;
            measured.record(
                    accepted[i] - due[i],
                    (triaged == null ? cutoff : triaged) - due[i],
                    candidate ? (visible == null ? cutoff : visible) - due[i] : -1);
        }
        // requests and records still queued would distort the next rate: let the system finish them first
        long settled = System.nanoTime() + BACKLOG_BOUND.toNanos();
        while (answered.get() < count && System.nanoTime() < settled) {
            Thread.sleep(POLL);
        }
        if (answered.get() < count) {
            Bench.log((count - answered.get()) + " requests still unanswered; the next rate starts anyway");
        }
        Optional<Duration> drained = bench.awaitDrained(BACKLOG_BOUND);
        measured.backlogSeconds = drained.orElse(BACKLOG_BOUND).toMillis() / 1000.0;
        measured.cpuSeconds = ProcessCpu.between(cpuBefore, probes.cpu.snapshot());
        measured.compilerSeconds = ProcessCpu.between(compilersBefore, probes.cpu.compilerSnapshot());
        measured.postgresSeconds = ProcessCpu.between(postgresBefore, probes.cpu.postgresSnapshot());
        measured.databaseTop = probes.database.top(TOP_STATEMENTS);
        measured.databaseSlowest = probes.database.slowest(TOP_STATEMENTS);
        Bench.log(drained.map(d -> "backlog worked off " + d.toMillis() / 1000.0 + " s after the wait ended")
                .orElse("backlog still there after " + BACKLOG_BOUND.toSeconds() + " s; the next rate starts anyway"));
        return measured;
    }

    /** What a measurement watches beside the reports: each process's CPU and PostgreSQL's statements. */
    private record Probes(ProcessCpu cpu, PgActivity database) {}

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1_000);
    }

    /**
     * One rate's latencies in microseconds; a report not answered, triaged or visible when the wait ended
     * counts with that time (a lower bound).
     */
    private static final class Measurement {
        final Histogram intake = new Histogram(3_600_000_000L, 3);
        final Histogram triage = new Histogram(3_600_000_000L, 3);
        final Histogram fsca = new Histogram(3_600_000_000L, 3);
        final double sentPerSecond;
        /** Requests not answered 202, by reason: an HTTP status, or where the client failed ({@link HttpLoad#reason}). */
        final Map<String, LongAdder> failures;

        final int failed;
        int unanswered;
        int notTriaged;
        int notVisible;
        /** Reports not triaged {@link #KEPT_UP} after the last send: failed, unanswered or still queued. */
        int behind;
        /** From the end of the wait until every consumer group had caught up (at most the bound). */
        double backlogSeconds;
        /** Each process's CPU seconds from the first send until the backlog was worked off. */
        Map<String, Double> cpuSeconds = Map.of();
        /** Of those, each JVM's CPU seconds in its JIT compiler threads. */
        Map<String, Double> compilerSeconds = Map.of();
        /** Of those, PostgreSQL's by database ({@link ProcessCpu#postgresSnapshot}). */
        Map<String, Double> postgresSeconds = Map.of();
        /** PostgreSQL's statements seen most often over the same span ({@link PgActivity#top}). */
        String databaseTop = "";
        /** PostgreSQL's statements that took the most execution time over it ({@link PgActivity#slowest}). */
        String databaseSlowest = "";

        Measurement(double sentPerSecond, Map<String, LongAdder> failures) {
            this.sentPerSecond = sentPerSecond;
            this.failures = failures;
            this.failed =
                    failures.values().stream().mapToInt(LongAdder::intValue).sum();
        }

        /** One report's latencies in nanoseconds; {@code fscaNanos} negative for a non-candidate. */
        void record(long intakeNanos, long triageNanos, long fscaNanos) {
            intake.recordValue(micros(intakeNanos));
            triage.recordValue(micros(triageNanos));
            if (fscaNanos >= 0) {
                fsca.recordValue(micros(fscaNanos));
            }
        }

        /** The JIT compilers' share of the system's CPU (the load generator's apart). */
        double compilerShare() {
            return systemSeconds(compilerSeconds) / systemSeconds(cpuSeconds);
        }

        void into(int rate, Map<String, Double> figures, List<String> notes) {
            percentiles(figures, rate + "/s intake 202", intake);
            percentiles(figures, rate + "/s triage result", triage);
            percentiles(figures, rate + "/s FSCA case", fsca);
            figures.put(rate + "/s reports sent per second", sentPerSecond);
            figures.put(
                    rate + "/s reports not triaged " + KEPT_UP.toSeconds() + " s after the last send", (double) behind);
            figures.put(rate + "/s backlog left at the wait's end, s to work off", backlogSeconds);
            long reports = intake.getTotalCount() + failed;
            // per report intake accepted: a request that failed or was never sent cost the system little
            long accepted = intake.getTotalCount() - unanswered;
            figures.put(
                    rate + "/s CPU per accepted report, all processes, ms",
                    1000 * systemSeconds(cpuSeconds) / accepted);
            figures.put(rate + "/s JIT compilers' share of that CPU, %", 100 * compilerShare());
            notes.add(String.format(
                    "%d/s: of %d reports %d failed %s and %d were unanswered when the wait ended; %d accepted were"
                            + " not triaged and %d of %d candidates not visible by then; CPU seconds from the first"
                            + " send until the backlog was worked off (of them in JIT compilers): %s; PostgreSQL's by"
                            + " database (its backends; '%s' its own processes): %s; its busiest statements: %s; its"
                            + " statements by execution time: %s",
                    rate,
                    reports,
                    failed,
                    failures,
                    unanswered,
                    notTriaged,
                    notVisible,
                    fsca.getTotalCount(),
                    cpuSeconds.entrySet().stream()
                            .map(process -> String.format(
                                    "%s %.1f (%.1f)",
                                    process.getKey(),
                                    process.getValue(),
                                    compilerSeconds.getOrDefault(process.getKey(), 0.0)))
                            .collect(Collectors.joining(", ")),
                    ProcessCpu.POSTGRES_SERVER,
                    postgresSeconds.entrySet().stream()
                            .map(database -> String.format("%s %.1f", database.getKey(), database.getValue()))
                            .collect(Collectors.joining(", ")),
                    databaseTop,
                    databaseSlowest));
        }

        private static void percentiles(Map<String, Double> figures, String name, Histogram histogram) {
            for (double percentile : new double[] {50, 99, 99.9}) {
                figures.put(
                        String.format("%s p%s, ms", name, percentile == 99.9 ? "99.9" : (int) percentile),
                        histogram.getValueAtPercentile(percentile) / 1000.0);
            }
        }
    }

    /**
     * Watches the two points after intake: a consumer of fieldsafety.triage.v1 from its end, and a poller
     * of fsca's case read model for the candidates triaged so far.
     */
    private static final class Observer implements AutoCloseable {

        final Map<String, Long> triaged = new ConcurrentHashMap<>();
        final Map<String, Long> visible = new ConcurrentHashMap<>();
        private final Set<String> pendingCandidates = ConcurrentHashMap.newKeySet();
        private volatile List<String> products = List.of();
        private volatile boolean running = true;
        private final Thread consumer;
        private final Thread poller;

        Observer(BenchSystem bench) throws Exception {
            KafkaConsumer<String, String> kafka = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bench.system.kafkaBootstrapServers(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.TRIAGE).stream()
                    .map(partition -> new TopicPartition(Topics.TRIAGE, partition.partition()))
                    .toList();
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            consumer = new Thread(() -> consume(kafka), "bench-triage-consumer");
            consumer.start();
            Connection fsca = DriverManager.getConnection(
                    bench.system.jdbcUrl(Service.FSCA.database()), PostgresServer.USER, PostgresServer.PASSWORD);
            poller = new Thread(() -> poll(fsca), "bench-fsca-poller");
            poller.start();
        }

        /** Starts a measurement: candidates of an earlier one that never became visible stop counting. */
        void watch(List<String> products) {
            this.products = products;
            pendingCandidates.clear();
        }

        /** Whether every accepted report was triaged and every candidate is visible. */
        boolean complete(AtomicReferenceArray<String> reportIds, boolean allAnswered) {
            if (!allAnswered || !pendingCandidates.isEmpty()) {
                return false;
            }
            for (int i = 0; i < reportIds.length(); i++) {
                String reportId = reportIds.get(i);
                if (reportId != null && !triaged.containsKey(reportId)) {
                    return false;
                }
            }
            return true;
        }

        private void consume(KafkaConsumer<String, String> kafka) {
            try (kafka) {
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header type = record.headers().lastHeader("ce_type");
                        if (type == null
                                || !ReportTriaged.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            continue;
                        }
                        JsonNode result = ApiClient.JSON.readTree(record.value());
                        String reportId = result.path("reportId").asText();
                        if (triaged.putIfAbsent(reportId, now) == null
                                && result.path("fscaCandidate").asBoolean()
                                && products.contains(result.path("productId").asText())) {
                            pendingCandidates.add(reportId);
                        }
                    }
                }
            } catch (Exception e) {
                Bench.log("the triage consumer stopped: " + e);
            }
        }

        private void poll(Connection fsca) {
            String query = "select report_id from fsca_case_incident where report_id = any(?)";
            try (fsca;
                    PreparedStatement statement = fsca.prepareStatement(query)) {
                while (running) {
                    if (!pendingCandidates.isEmpty()) {
                        Array reportIds = fsca.createArrayOf("varchar", pendingCandidates.toArray());
                        statement.setArray(1, reportIds);
                        try (ResultSet rows = statement.executeQuery()) {
                            long now = System.nanoTime();
                            while (rows.next()) {
                                visible.putIfAbsent(rows.getString(1), now);
                                pendingCandidates.remove(rows.getString(1));
                            }
                        }
                    }
                    Thread.sleep(POLL);
                }
            } catch (Exception e) {
                Bench.log("the FSCA poller stopped: " + e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.join();
            poller.join();
        }
    }
}
