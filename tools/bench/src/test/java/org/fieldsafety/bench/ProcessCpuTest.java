package org.fieldsafety.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void aStatLineGivesUserSystemAndEndedChildrensTicksWhateverTheCommandName() {
        String stat = "4242 (java (a) b) S 1 4242 4242 0 -1 4194560 70000 0 12 0 1500 250 40 10 20 0 57 0 9000"
                + " 4000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

        assertEquals(1500 + 250 + 40 + 10, ProcessCpu.ticks(stat));
    }

    @Test
    void aBackendCountsForItsDatabaseAndEveryOtherPostgresProcessForTheServer() {
        assertEquals("fsca", ProcessCpu.database("postgres: fsca fsca 127.0.0.1(40112) idle\0\0"));
        assertEquals("triage", ProcessCpu.database("postgres: triage triage 127.0.0.1(40113) INSERT"));
        assertEquals("intake", ProcessCpu.database("postgres: postgres intake [local] idle"));
        assertEquals("server", ProcessCpu.database("postgres: checkpointer "));
        assertEquals("server", ProcessCpu.database("postgres: autovacuum worker fsca"));
        assertEquals("server", ProcessCpu.database("postgres: walwriter"));
        assertEquals("server", ProcessCpu.database("/usr/lib/postgresql/15/bin/postgres\0-D\0/data\0"));
    }

    @Test
    void aWatchedChildCountsOnlyAsItselfNotAgainInItsParent() throws Exception {
        Process busy =
                new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; sleep 30").start();
        try {
            long self = ProcessHandle.current().pid();
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessCpu.ticks(busy.pid()) >= 20);
            Map<String, Double> both = new ProcessCpu(Map.of("tests", self, "busy", busy.pid())).snapshot();
            Map<String, Double> alone = new ProcessCpu(Map.of("tests", self)).snapshot();

            assertTrue(both.get("busy") >= 0.2, "the child's own seconds " + both);
            assertTrue(
                    alone.get("tests") - both.get("tests") >= 0.2,
                    "unwatched, the child counts in its parent: " + alone + " " + both);
        } finally {
            busy.destroyForcibly();
        }
    }

    @Test
    void thisProcessUsesCpuBetweenTwoSnapshotsAndAnEndedOneCountsNothing() {
        ProcessCpu cpu = new ProcessCpu(Map.of("tests", ProcessHandle.current().pid(), "ended", Long.MAX_VALUE));
        Map<String, Double> before = cpu.snapshot();
        long spin = System.nanoTime() + 200_000_000;
        double sink = 0;
        while (System.nanoTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        Map<String, Double> used = ProcessCpu.between(before, cpu.snapshot());

        assertTrue(sink > 0);
        assertTrue(used.get("tests") >= 0.05, "CPU seconds " + used);
        assertEquals(0.0, used.get("ended"));
        assertEquals(used.get("tests"), ProcessCpu.total(used));
        assertEquals(java.util.List.of("ended", "tests"), java.util.List.copyOf(used.keySet()));
    }

    @Test
    void aJvmsCompilerThreadsArePartOfItsSecondsAndAShellHasNone() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30").start();
        try {
            ProcessCpu cpu =
                    new ProcessCpu(Map.of("tests", ProcessHandle.current().pid(), "shell", shell.pid()));
            Map<String, Double> compilers = cpu.compilerSnapshot();

            // this JVM compiled its hot methods to get here, in threads named "C1 CompilerThre..."
            assertTrue(compilers.get("tests") > 0, "compiler seconds " + compilers);
            assertTrue(compilers.get("tests") <= cpu.snapshot().get("tests"));
            assertEquals(0.0, compilers.get("shell"));
        } finally {
            shell.destroyForcibly();
        }
    }
}
