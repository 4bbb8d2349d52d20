package org.fieldsafety.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness's entry point: {@code Bench <scenario> [--smoke] [--runs n] [--results dir]} runs
 * one scenario n times and stores its figures in {@code dir/<scenario>.json}; {@code Bench report
 * --results dir --out file} turns every stored scenario into the Markdown of docs/benchmarks.md.
 * {@code --smoke} runs seconds instead of minutes with tiny counts: it proves the harness works, its
 * figures mean nothing.
 */
public final class Bench {

    /**
     * A scenario: sets up once, runs {@code options.runs()} times and returns each run's figures in order
     * ("name" to value, the unit in the name).
     */
    interface Scenario {
        List<Results.Run> run(Options options) throws Exception;
    }

    /**
     * The command-line options every scenario sees; {@code rates} (reports per second, {@code --rates
     * 300,600}) replaces the latency scenario's own, empty for its default.
     */
    record Options(boolean smoke, int runs, Path results, List<Integer> rates) {}

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "kafka-vs-intake", KafkaVsIntake::run,
            "axon-vs-jdbc", AxonVsJdbc::run,
            "latency", Latency::run,
            "replay", Replay::run,
            "startup", Startup::run,
            "console-pages", ConsolePages::run);

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        boolean smoke = rest.remove("--smoke");
        int runs = Integer.parseInt(option(rest, "--runs", "1"));
        Path results = Path.of(option(rest, "--results", "tools/bench/target/results"));
        String rates = option(rest, "--rates", "");
        if (args[0].equals("report")) {
            Report.write(results, Path.of(option(rest, "--out", "docs/benchmarks.md")), option(rest, "--note", ""));
            return;
        }
        Scenario scenario = SCENARIOS.get(args[0]);
        if (scenario == null || !rest.isEmpty()) {
            usage();
        }
        log(args[0] + ": " + runs + " run(s)" + (smoke ? ", smoke" : ""));
        Results.store(
                results,
                args[0],
                smoke,
                scenario.run(new Options(
                        smoke,
                        runs,
                        results,
                        rates.isEmpty()
                                ? List.of()
                                : Arrays.stream(rates.split(","))
                                        .map(Integer::valueOf)
                                        .toList())));
        // Kafka's and Vert.x's non-daemon threads must not keep a finished run alive
        System.exit(0);
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            usage();
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return value;
    }

    private static void usage() {
        System.err.println(
                "Usage: Bench "
                        + String.join("|", SCENARIOS.keySet().stream().sorted().toList())
                        + " [--smoke] [--runs n] [--results dir] [--rates r1,r2]\n       Bench report [--results dir] [--out file] [--note text]");
        System.exit(2);
    }

    /** The JIT compilers' share of the system's CPU in a warm-up round under which the measurements start. */
    private static final double JIT_SETTLED = 0.1;
    /** At most this many warm-up rounds: a compiler that never settles is a figure of the runs, not a hang. */
    private static final int WARM_UP_ROUNDS = 10;

    /**
     * Whether warm-up round {@code round}, in which the JIT compilers took {@code compilerShare} of the
     * system's CPU, is the last: on two busy cores the compilers took over a third of the machine for
     * minutes, and a measurement with them measures the compilers (a service runs for days, compiled in its
     * first minutes). A smoke run warms up once.
     */
    static boolean warmedUp(Options options, int round, double compilerShare) {
        log(String.format(
                "warm-up round %d: the JIT compilers used %.0f %% of the system's CPU", round, 100 * compilerShare));
        return options.smoke() || compilerShare <= JIT_SETTLED || round == WARM_UP_ROUNDS;
    }

    /** Logs a finished run's figures. */
    static Results.Run done(int run, Results.Run figures) {
        log("run " + run + ":");
        figures.figures().forEach((name, value) -> log(String.format("  %s: %.2f", name, value)));
        figures.notes().forEach(note -> log("  " + note));
        return figures;
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
