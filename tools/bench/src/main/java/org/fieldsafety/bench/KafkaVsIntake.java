package org.fieldsafety.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Jdks;
import org.fieldsafety.local.Service;

/**
 * Scenario 1: records/s of 1 kB reports with acks=all, from Kafka's own ProducerPerformance (the broker's
 * version) into a topic shaped like fieldsafety.reports.v1, against intake with single POSTs and with
 * batches of 100 over 32 keep-alive connections; both on the same system of Kafka, PostgreSQL and intake
 * alone. The consumers downstream would compete for the same two cores with both sides unevenly (with
 * intake's reports, not with the baseline's records); the whole pipeline is scenario 3's.
 */
final class KafkaVsIntake {

    static final String RAW_TOPIC = "bench.raw.v1";
    static final String FIELD_REPORTS = "/api/v1/field-reports";
    private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");
    /**
     * Request bodies built before the clock starts and sent in turn, as ProducerPerformance sends a payload
     * built before it starts: building JSON in the load generator would take CPU from intake on the same
     * two cores, and from intake only.
     */
    private static final int DISTINCT_BODIES = 200;

    private KafkaVsIntake() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        int rawRecords = options.smoke() ? 2_000 : 300_000;
        Duration load = options.smoke() ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
        List<Results.Run> runs = new ArrayList<>();
        LongFunction<byte[]> singles =
                prebuilt(DISTINCT_BODIES, i -> Reports.json(Reports.report(i, false, BenchSystem.PRODUCTS)));
        LongFunction<byte[]> batches =
                prebuilt(DISTINCT_BODIES, i -> Reports.batch(i * 100, 100, BenchSystem.PRODUCTS));
        try (BenchSystem bench = BenchSystem.start(EnumSet.of(Service.INTAKE));
                HttpLoad http =
                        new HttpLoad(bench.system.baseUrl(Service.INTAKE), bench.apiKey, HttpLoad.CONNECTIONS)) {
            ProcessCpu cpu = new ProcessCpu(bench.system.pids());
            for (int round = 1; ; round++) {
                Map<String, Double> before = cpu.snapshot();
                Map<String, Double> compilersBefore = cpu.compilerSnapshot();
                http.saturate(FIELD_REPORTS, load.dividedBy(3), 1, singles);
                http.saturate(FIELD_REPORTS + "/batch", load.dividedBy(3), 100, batches);
                double compilers = ProcessCpu.total(ProcessCpu.between(compilersBefore, cpu.compilerSnapshot()));
                if (Bench.warmedUp(
                        options, round, compilers / ProcessCpu.total(ProcessCpu.between(before, cpu.snapshot())))) {
                    break;
                }
            }
            createRawTopic(bench.system.kafkaBootstrapServers());
            producerPerformance(bench.system.kafkaBootstrapServers(), rawRecords / 10);
            for (int run = 1; run <= options.runs(); run++) {
                double raw = producerPerformance(bench.system.kafkaBootstrapServers(), rawRecords);
                Map<String, Double> before = cpu.snapshot();
                double single = http.saturate(FIELD_REPORTS, load, 1, singles);
                Map<String, Double> between = cpu.snapshot();
                double batched = http.saturate(FIELD_REPORTS + "/batch", load, 100, batches);
                Map<String, Double> after = cpu.snapshot();
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("raw Kafka producer (acks=all), records/s", raw);
                figures.put("intake single POSTs, reports/s", single);
                figures.put("intake batches of 100, reports/s", batched);
                figures.put(
                        "intake single POSTs, CPU per report, all processes, ms",
                        cpuPerReport(ProcessCpu.between(before, between), single, load));
                figures.put(
                        "intake batches of 100, CPU per report, all processes, ms",
                        cpuPerReport(ProcessCpu.between(between, after), batched, load));
                figures.put("ratio intake single / raw Kafka", single / raw);
                figures.put("ratio intake batches / raw Kafka", batched / raw);
                runs.add(Bench.done(
                        run,
                        new Results.Run(
                                figures,
                                List.of("single POSTs, CPU seconds by process: "
                                        + cpuByProcess(ProcessCpu.between(before, between))))));
            }
        }
        return runs;
    }

    /** The system's CPU milliseconds per report, from the CPU seconds of a load that ran at {@code rate}. */
    private static double cpuPerReport(Map<String, Double> cpuSeconds, double rate, Duration load) {
        double total = ProcessCpu.total(cpuSeconds);
        return 1000 * total / (rate * load.toMillis() / 1000.0);
    }

    private static String cpuByProcess(Map<String, Double> cpuSeconds) {
        return cpuSeconds.entrySet().stream()
                .map(process -> String.format("%s %.1f", process.getKey(), process.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static LongFunction<byte[]> prebuilt(int distinct, LongFunction<byte[]> body) {
        byte[][] bodies = LongStream.range(0, distinct).mapToObj(body).toArray(byte[][]::new);
        return i -> bodies[(int) (i % distinct)];
    }

    /** A topic with the partitions of fieldsafety.reports.v1 (which intake created or used by now). */
    private static void createRawTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(Set.of(Topics.REPORTS))
                    .allTopicNames()
                    .get()
                    .get(Topics.REPORTS)
                    .partitions()
                    .size();
            if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
                admin.createTopics(Set.of(new NewTopic(RAW_TOPIC, partitions, (short) 1)))
                        .all()
                        .get();
            }
        }
    }

    /** Runs ProducerPerformance in its own JVM (it ends with System.exit) and returns its records/s. */
    private static double producerPerformance(String bootstrap, int records) throws IOException, InterruptedException {
        List<String> command = List.of(
                Jdks.running(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                RAW_TOPIC,
                "--num-records",
                String.valueOf(records),
                "--record-size",
                String.valueOf(Reports.SIZE),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Double rate = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher matcher = RATE.matcher(line);
                if (matcher.find()) {
                    rate = Double.parseDouble(matcher.group(1));
                }
            }
        }
        if (process.waitFor() != 0 || rate == null) {
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        return rate;
    }
}
