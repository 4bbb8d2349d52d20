package org.fieldsafety.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.Directories;
import org.fieldsafety.infra.RepositoryLayout;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.Demo;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.PortPlan;
import org.fieldsafety.local.Service;

/**
 * {@code tools/faults/<scenario> [--smoke]}: starts the system once (LocalSystem, on free ports, in a
 * temporary directory; for {@value #CLUSTER} three Kafka nodes and two instances of every service), runs
 * the scenarios against it and prints for each what was lost and duplicated,
 * how long the system took back to steady state after each fault, and what reached the dead letters.
 * Exits 1 when a scenario broke a rule (docs/faults.md), 2 on bad usage.
 */
public final class FaultSuite {

    /** The scenarios of {@code all}, on one Kafka node and one instance of each service. */
    static final List<String> SCENARIOS =
            List.of("kill-services", "kill-broker", "restart-postgres", "poison", "malformed");
    /** The scenario that runs on a cluster of its own, alone. */
    static final String CLUSTER = "kill-cluster";
    /** The reports of the cluster's thin slice, checked before anything is killed. */
    private static final int THIN_SLICE = 200;

    private static final double MAX_POISON_SLOWDOWN = 0.10;
    /**
     * How long the services may take to boot: twice LocalSystem's own bound, for a loaded CI machine, since the
     * faults, not the boot, are under test. A service that exits while booting fails the run at once.
     */
    private static final Duration BOOT_BOUND = Duration.ofMinutes(10);
    /** How long after the poisoned run's outcomes every consumer may take to pass every poison record. */
    private static final Duration POISON_BOUND = Duration.ofMinutes(2);

    private final LocalSystem system;
    private final KafkaProbe kafka;
    private final RunSize size;
    private final String apiKey;
    private final List<String> intakes;
    private final Outcomes outcomes;

    private FaultSuite(LocalSystem system, KafkaProbe kafka, RunSize size, String apiKey) {
        this.system = system;
        this.kafka = kafka;
        this.size = size;
        this.apiKey = apiKey;
        this.intakes = system.baseUrls(Service.INTAKE);
        this.outcomes = new Outcomes(system, kafka);
    }

    /** A scenario's verdict and its lines for docs/faults.md. */
    record Verdict(String scenario, boolean passed, List<String> lines) {}

    public static void main(String[] args) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(args));
        RunSize size = arguments.remove("--smoke") ? RunSize.SMOKE : RunSize.FULL;
        if (arguments.size() != 1
                || !(arguments.get(0).equals("all")
                        || arguments.get(0).equals(CLUSTER)
                        || SCENARIOS.contains(arguments.get(0)))) {
            System.err.println(
                    "usage: tools/faults/<" + String.join("|", SCENARIOS) + "|all|" + CLUSTER + "> [--smoke]");
            System.exit(2);
        }
        List<String> scenarios = arguments.get(0).equals("all") ? SCENARIOS : arguments;
        boolean cluster = scenarios.contains(CLUSTER);
        Path data = Files.createTempDirectory(
                Files.createDirectories(RepositoryLayout.root().resolve("tools/faults/target")), "system-");
        Instant started = Instant.now();
        log("starting the system in " + data + " for " + scenarios + " (" + size.name() + " run)");
        List<Verdict> verdicts = new ArrayList<>();
        PortPlan ports = PortPlan.free(EnumSet.allOf(Service.class), cluster ? 3 : 1, cluster ? 2 : 1);
        try (LocalSystem system = new LocalSystem(data, ports)) {
            Runtime.getRuntime().addShutdownHook(new Thread(system::close));
            system.start(BOOT_BOUND);
            KafkaProbe kafka = new KafkaProbe(system.kafkaBootstrapServers());
            log("system started in " + seconds(Duration.between(started, Instant.now())));
            FaultSuite suite = new FaultSuite(system, kafka, size, apiKey(system));
            for (String scenario : scenarios) {
                Instant scenarioStarted = Instant.now();
                log("== " + scenario);
                Verdict verdict;
                try {
                    verdict = suite.run(scenario);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    verdict = new Verdict(scenario, false, List.of("aborted: " + e));
                }
                verdicts.add(verdict);
                verdict.lines().forEach(line -> log("  " + line));
                log("== " + scenario + (verdict.passed() ? " PASSED" : " FAILED") + " in "
                        + seconds(Duration.between(scenarioStarted, Instant.now())));
                // after every scenario: a run stopped later keeps what the finished ones found
                writeResults(size, verdicts);
            }
            kafka.close();
        } finally {
            deleteData(data);
        }
        log("results in " + results(size) + "; service logs in " + data.resolve("logs") + ", the brokers' in "
                + data.resolve("kafka") + " (broker.out)");
        // the plain closing line a CI run is judged by: scenarios passed and failed
        long passed = verdicts.stream().filter(Verdict::passed).count();
        System.out.println("faults: " + passed + " passed, " + (verdicts.size() - passed) + " failed");
        System.exit(passed == verdicts.size() ? 0 : 1);
    }

    private Verdict run(String scenario) {
        return switch (scenario) {
            case "kill-services" -> kills(scenario, serviceKills());
            case "kill-broker" -> kills(scenario, List.of(Kills.Fault.killKafka(system)));
            case "restart-postgres" ->
                kills(scenario, List.of(Kills.Fault.restartPostgres(system), Kills.Fault.crashPostgres(system)));
            case "poison" -> poison();
            case "malformed" -> malformed();
            case CLUSTER -> killCluster();
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    private List<Kills.Fault> serviceKills() {
        List<Kills.Fault> faults = new ArrayList<>();
        for (int round = 0; round < size.killsPerService(); round++) {
            for (Service service : Service.values()) {
                faults.add(Kills.Fault.kill(system, service));
            }
        }
        return faults;
    }

    /**
     * The thin slice on the cluster first (reports through every stage, checked), then a run during which
     * one Kafka node and one instance of each service are killed and left down.
     */
    private Verdict killCluster() {
        Load slice = Load.paced(intakes, apiKey, runId("thin-slice"), THIN_SLICE, size.reportsPerSecond());
        slice.await();
        Checked sliceChecked = check(slice);
        List<Kills.Fault> faults = new ArrayList<>();
        faults.add(Kills.Fault.killKafkaNode(system, 0));
        for (Service service : Service.values()) {
            faults.add(Kills.Fault.killInstance(system, service, system.instances(service) - 1));
        }
        Verdict kills = kills(CLUSTER, faults);
        List<String> lines = new ArrayList<>();
        lines.add("thin slice, nothing killed: " + String.join("; ", sliceChecked.lines()));
        lines.addAll(kills.lines());
        return new Verdict(CLUSTER, sliceChecked.passed() && kills.passed(), lines);
    }

    private Verdict kills(String scenario, List<Kills.Fault> faults) {
        Load load = Load.paced(intakes, apiKey, runId(scenario), size.reports(), size.reportsPerSecond());
        List<Kills.Recovery> recoveries = new Kills(kafka).during(load, faults);
        load.await();
        Checked checked = check(load);
        List<String> lines = new ArrayList<>(checked.lines());
        recoveries.forEach(recovery -> lines.add(recovery.describe()));
        return new Verdict(scenario, checked.passed(), lines);
    }

    private Verdict poison() {
        // as fast as intake answers, since the throughput with and without poison is what is compared; each
        // in two halves, in the order clean, poisoned, poisoned, clean, so that what changes as the runs go
        // on (a warmer JIT, larger tables and cases) weighs on both alike
        Poison poison = new Poison(kafka);
        int half = size.reports() / 2;
        List<String> lines = new ArrayList<>();
        Map<Boolean, Duration> pipelines = new HashMap<>();
        boolean runsPassed = true;
        for (boolean poisoned : List.of(false, true, true, false)) {
            Load load = Load.saturating(intakes, apiKey, runId(poisoned ? "poison" : "poison-clean"), half);
            if (poisoned) {
                poison.during(load, size.poisonPerTopic() / 2);
            }
            load.await();
            Checked checked = check(load);
            runsPassed &= checked.passed();
            pipelines.merge(poisoned, checked.pipeline(), Duration::plus);
            lines.add((poisoned ? "poisoned half: " : "clean half: ") + String.join("; ", checked.lines()));
        }
        List<Poison.Outcome> outcomes = poison.outcomes(POISON_BOUND);

        double cleanRate = rate(2 * half, pipelines.get(false));
        double poisonedRate = rate(2 * half, pipelines.get(true));
        double slowdown = 1 - poisonedRate / cleanRate;
        lines.add(String.format(
                "end-to-end throughput: clean %.1f reports/s (%s), poisoned %.1f reports/s (%s), %+.1f %%",
                cleanRate, seconds(pipelines.get(false)), poisonedRate, seconds(pipelines.get(true)), -100 * slowdown));
        boolean rulesKept = true;
        for (Poison.Outcome outcome : outcomes) {
            rulesKept &= outcome.passedRules();
            lines.add(String.format(
                    "%s %s: sent %d, passed by %s %d, on %s %d (%s), without reason %d; reasons e.g. %s",
                    outcome.target().topic(),
                    outcome.kind(),
                    outcome.sent(),
                    String.join(" and ", outcome.target().groups()),
                    outcome.passed(),
                    Topics.deadLetter(outcome.target().topic()),
                    outcome.deadLettered(),
                    outcome.kind().poison() ? "expected: all, once per group" : "expected: none",
                    outcome.withoutReason(),
                    outcome.reasons().stream().limit(2).toList()));
        }
        boolean fastEnough = size == RunSize.SMOKE || slowdown <= MAX_POISON_SLOWDOWN;
        if (!fastEnough) {
            lines.add("throughput dropped by more than 10 %");
        }
        return new Verdict("poison", runsPassed && rulesKept && fastEnough, lines);
    }

    private Verdict malformed() {
        long reportsBefore = kafka.size(Topics.REPORTS);
        Malformed generator = new Malformed();
        Instant started = Instant.now();
        List<Malformed.Outcome> answers = Malformed.send(intakes.get(0), apiKey, generator.generate(size.malformed()));
        Duration took = Duration.between(started, Instant.now());
        long reportsAfter = kafka.size(Topics.REPORTS);
        List<String> lines = new ArrayList<>();
        lines.add(size.malformed() + " requests in " + seconds(took) + "; records added to " + Topics.REPORTS + ": "
                + (reportsAfter - reportsBefore));
        boolean passed = reportsAfter == reportsBefore;
        for (Malformed.Outcome outcome : answers) {
            passed &= outcome.violations().isEmpty();
            lines.add(outcome.category() + ": " + outcome.requests() + " requests, statuses " + outcome.statuses()
                    + (outcome.violations().isEmpty()
                            ? ""
                            : ", VIOLATIONS " + outcome.violations().size() + " e.g. "
                                    + outcome.violations().stream()
                                            .distinct()
                                            .limit(3)
                                            .toList()));
        }
        return new Verdict("malformed", passed, lines);
    }

    /** A run's outcome and how long the pipeline took from the first request to the last outcome. */
    private record Checked(boolean passed, Duration pipeline, List<String> lines) {}

    /** End-to-end throughput: reports per second from the first request to the last outcome. */
    private static double rate(int reports, Duration pipeline) {
        return reports * 1000.0 / pipeline.toMillis();
    }

    private Checked check(Load load) {
        long mismatches = load.idMismatches(100);
        Duration bound = Duration.ofSeconds(600 + size.reports() / 20);
        Outcomes.Result result = outcomes.check(load.acceptedIds(), bound);
        Duration pipeline = Duration.between(load.started(), Instant.now());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%d reports, %d accepted in %s, LOST %d, DUPLICATED %d, retried %s, refused %s,"
                        + " ids differing on a re-send with the same key %d",
                load.size(),
                load.acceptedIds().size(),
                seconds(load.duration()),
                result.lost(),
                result.duplicated(),
                load.retries(),
                load.refusals(),
                mismatches));
        lines.addAll(Outcomes.describe(result));
        boolean passed = load.acceptedIds().size() == load.size()
                && result.lost() == 0
                && result.duplicated() == 0
                && mismatches == 0;
        return new Checked(passed, pipeline, lines);
    }

    /** A fleet API key without the node's rate limit, which a load of this size would exceed by design. */
    private static String apiKey(LocalSystem system) {
        ApiClient api = new ApiClient();
        Demo.registerProduct(api, system.baseUrl(Service.TRIAGE));
        ApiClient.Response response = api.send(
                "POST",
                system.baseUrl(Service.INTAKE) + "/api/v1/api-keys",
                ApiClient.basic("admin", "admin-local"),
                Map.of("client", "fault-suite", "rateLimit", Map.of("reportsPerSecond", 100_000, "burst", 100_000)));
        if (response.status() != 201) {
            throw new IllegalStateException(
                    "creating the API key answered " + response.status() + " " + response.body());
        }
        return response.json().path("key").asText();
    }

    private static String runId(String scenario) {
        return scenario + "-" + System.currentTimeMillis();
    }

    private static Path results(RunSize size) {
        return RepositoryLayout.root().resolve("tools/faults/target/results-" + size.name() + ".md");
    }

    private static void writeResults(RunSize size, List<Verdict> verdicts) throws IOException {
        Path file = results(size);
        Files.createDirectories(file.getParent());
        StringBuilder out = new StringBuilder("Fault suite, " + size.name() + " run, " + Instant.now() + "\n");
        for (Verdict verdict : verdicts) {
            out.append("\n### ").append(verdict.scenario()).append(verdict.passed() ? " (passed)" : " (FAILED)");
            out.append("\n\n");
            verdict.lines().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        Files.writeString(file, out);
    }

    /** Deletes Kafka's and PostgreSQL's data of the run, keeping the services' and the brokers' logs. */
    private static void deleteData(Path data) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(data.resolve("postgres")));
        if (Files.exists(data.resolve("kafka"))) {
            try (Stream<Path> kafka = Files.walk(data.resolve("kafka"), 2)) {
                kafka.filter(path -> path.getFileName().toString().equals("log"))
                        .forEach(dirs::add);
            }
        }
        dirs.forEach(Directories::delete);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static void log(String message) {
        System.out.println("[faults] " + message);
    }
}
