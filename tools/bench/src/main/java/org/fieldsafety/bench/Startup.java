package org.fieldsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: the time from starting a fresh system (Kafka and PostgreSQL formatted, databases created,
 * services migrating their schemas) until every service answers UP on /q/health/ready, and each process's
 * resident memory (VmRSS of /proc) right then, idle. PostgreSQL's figure sums the server and its
 * backends, so pages they share count more than once.
 */
final class Startup {

    private Startup() {}

    static List<Results.Run> run(Bench.Options options) throws Exception {
        List<Results.Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            try (BenchSystem bench = BenchSystem.start()) {
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("start until all services ready, s", bench.startTime.toMillis() / 1000.0);
                double total = 0;
                for (Map.Entry<String, Long> process : bench.system.pids().entrySet()) {
                    double megabytes = rssKilobytes(process.getKey().equals("postgres"), process.getValue()) / 1024.0;
                    figures.put(process.getKey() + " resident memory, MB", megabytes);
                    total += megabytes;
                }
                figures.put("whole system resident memory, MB", total);
                runs.add(Bench.done(run, new Results.Run(figures, List.of())));
            }
        }
        return runs;
    }

    /** VmRSS of the process, plus its descendants' for PostgreSQL's backends. */
    private static long rssKilobytes(boolean withDescendants, long pid) throws IOException {
        long total = vmRss(pid);
        if (withDescendants) {
            for (ProcessHandle child : ProcessHandle.of(pid)
                    .map(handle -> handle.descendants().toList())
                    .orElse(List.of())) {
                total += vmRss(child.pid());
            }
        }
        return total;
    }

    private static long vmRss(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a backend that ended between listing and reading
        }
        return 0;
    }
}
