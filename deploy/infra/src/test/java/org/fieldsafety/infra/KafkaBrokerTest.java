package org.fieldsafety.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker killed with SIGKILL and started again on its storage, as tools/faults does: the controller
 * refuses the new incarnation's registration until the killed one's session has expired, and until then
 * the broker's port is open but answers nothing. With Kafka's default 9 s session that took 8 s.
 */
@Tag("flow")
class KafkaBrokerTest {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final String STARTED = "Kafka Server started";
    private static final String REFUSED = "Unable to register broker 1";
    private static final String REGISTERED = "Successfully registered broker 1";

    @Test
    void aBrokerKilledWithSigkillRegistersAgainWithinSecondsAndItsLogKeepsEveryStart(@TempDir Path dir)
            throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, Ports.free(), Ports.free())) {
            ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
            broker.close();
            broker.restart();

            List<String> log = Files.readAllLines(dir.resolve("broker.out"));
            assertEquals(2, log.stream().filter(line -> line.contains(STARTED)).count(), "starts in the log");
            List<String> restart = log.subList(first(log, line -> line.contains(STARTED)) + 1, log.size());
            int firstAttempt = first(restart, line -> line.contains(REFUSED) || line.contains(REGISTERED));
            int registered = first(restart, line -> line.contains(REGISTERED));
            Duration refused = Duration.between(time(restart.get(firstAttempt)), time(restart.get(registered)));
            assertTrue(
                    refused.compareTo(Duration.ofSeconds(5)) < 0, "registered " + refused + " after the first attempt");
        }
    }

    private static int first(List<String> lines, Predicate<String> wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (wanted.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not in the broker's log");
    }

    private static LocalDateTime time(String line) {
        return LocalDateTime.parse(line.substring(0, 23), LOG_TIME);
    }
}
