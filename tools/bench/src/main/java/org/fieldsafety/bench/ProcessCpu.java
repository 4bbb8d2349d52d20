package org.fieldsafety.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.fieldsafety.local.LocalSystem;

/**
 * CPU time used by the system's processes, read from {@code /proc/<pid>/stat}: user and system time of each
 * process and of its live descendants (PostgreSQL's backends, Keycloak's JVM under its watchdog shell), plus
 * what its ended children used ({@code cutime}, {@code cstime}: a backend that closed). A descendant that is
 * itself watched counts only as itself: the load generator's JVM is the parent of the whole system. Two
 * snapshots give each process's CPU seconds between them, and so the CPU one report cost across the system.
 */
final class ProcessCpu {

    /** /proc counts in clock ticks of USER_HZ, 100 a second on Linux whatever the kernel's own tick rate. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The name {@link LocalSystem#pids()} gives PostgreSQL's server process. */
    private static final String POSTGRES = "postgres";

    /** What {@link #postgresSnapshot} counts PostgreSQL's own processes and its ended backends as. */
    static final String POSTGRES_SERVER = "server";

    private final Map<String, Long> processes;

    /** Watches the named processes: {@link LocalSystem#pids()}, with the load generator if wanted. */
    ProcessCpu(Map<String, Long> processes) {
        this.processes = Map.copyOf(processes);
    }

    /** Each process's CPU seconds so far, by name, in the order of the names. */
    Map<String, Double> snapshot() {
        Set<Long> watched = Set.copyOf(processes.values());
        return byName(pid -> ticks(pid, watched));
    }

    /**
     * Each JVM's CPU seconds so far in its JIT compiler threads (C1 and C2), by name; 0 for a process that is
     * not a JVM. What they use during a measurement is the part of its cost that a longer warm-up would
     * have taken out: a service runs for days, its code is compiled in its first minutes.
     */
    Map<String, Double> compilerSnapshot() {
        return byName(ProcessCpu::compilerTicks);
    }

    /**
     * PostgreSQL's CPU seconds so far by what its processes serve: each backend by its database, read from
     * its process title ({@code postgres: <user> <database> <client>(<port>) <state>}), and the server's own
     * processes (WAL writer, checkpointer, autovacuum) and backends that ended as {@value #POSTGRES_SERVER};
     * empty when no process is named postgres. The services keep their connections open, so their backends
     * live as long as a measurement.
     */
    Map<String, Double> postgresSnapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        Long server = processes.get(POSTGRES);
        if (server != null) {
            seconds.put(POSTGRES_SERVER, ticks(server) / TICKS_PER_SECOND);
            ProcessHandle.of(server).stream()
                    .flatMap(ProcessHandle::children)
                    .forEach(child ->
                            seconds.merge(database(child.pid()), ticks(child.pid()) / TICKS_PER_SECOND, Double::sum));
        }
        return seconds;
    }

    /** The database the process {@code pid} serves ({@link #database(String)}). */
    private static String database(long pid) {
        try {
            return database(Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")));
        } catch (IOException ended) {
            return POSTGRES_SERVER;
        }
    }

    /**
     * The database a PostgreSQL backend serves, from its process title ({@code /proc/<pid>/cmdline}, its words
     * apart by spaces or NULs); {@value #POSTGRES_SERVER} for a title of another process.
     */
    static String database(String title) {
        String[] words = title.replace('\0', ' ').trim().split(" +");
        boolean backend = words.length >= 4
                && words[0].equals("postgres:")
                && (words[3].endsWith(")") || words[3].equals("[local]"));
        return backend ? words[2] : POSTGRES_SERVER;
    }

    /** The seconds of each process's {@code ticks}, by name, in the order of the names. */
    private Map<String, Double> byName(LongUnaryOperator ticks) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.keySet().stream()
                .sorted()
                .forEach(name -> seconds.put(name, ticks.applyAsLong(processes.get(name)) / TICKS_PER_SECOND));
        return seconds;
    }

    /** The CPU seconds of all the processes of {@code seconds} together. */
    static double total(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each process's CPU seconds from {@code before} to {@code after}. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> used.put(name, seconds - before.getOrDefault(name, 0.0)));
        return used;
    }

    /** The ticks of {@code pid} and of its descendants, leaving out the subtrees of other watched processes. */
    private static long ticks(long pid, Set<Long> watched) {
        long ticks = ticks(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::children)
                .filter(child -> !watched.contains(child.pid()))
                .toList()) {
            ticks += ticks(child.pid(), watched);
        }
        return ticks;
    }

    /** utime + stime of the threads of {@code pid} that HotSpot names as its compilers. */
    private static long compilerTicks(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.mapToLong(ProcessCpu::compilerThreadTicks).sum();
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long compilerThreadTicks(Path thread) {
        String stat;
        try {
            stat = Files.readString(thread.resolve("stat"));
        } catch (IOException ended) {
            return 0; // a thread that ended after the listing
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        boolean compiler = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        if (!compiler) {
            return 0;
        }
        long[] times = times(stat);
        // a thread's cutime and cstime are its whole process's ended children: only its own two count
        return times[0] + times[1];
    }

    /** utime + stime + cutime + cstime of one process; 0 for one that has ended. */
    static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (NoSuchFileException gone) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The four times of a stat line: fields 14 to 17 (proc(5)), counted after the command name, which is in
     * parentheses and may itself hold spaces and parentheses.
     */
    static long ticks(String stat) {
        long[] times = times(stat);
        return times[0] + times[1] + times[2] + times[3];
    }

    /** utime, stime, cutime and cstime of a stat line. */
    private static long[] times(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return new long[] {
            Long.parseLong(fields[11]),
            Long.parseLong(fields[12]),
            Long.parseLong(fields[13]),
            Long.parseLong(fields[14])
        };
    }
}
