package org.fieldsafety.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alert rules of {@code deploy/monitoring} name only meters the services register
 * ({@link Meter}), and the operations guide lists every one of them.
 */
class MonitoringTest {

    private static final Path MONITORING = Path.of("../../deploy/monitoring");
    private static final Path OPERATIONS = Path.of("../../docs/operations.md");

    /** PromQL words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool");

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern DURATION = Pattern.compile("\\boffset\\s+\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");

    private static final Set<String> REGISTERED = Arrays.stream(Meter.values())
            .flatMap(meter -> meter.prometheusNames().stream())
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void theAlertRulesNameOnlyRegisteredMeters() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(MONITORING.resolve("fieldsafety-alerts.yaml").toFile());
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertRegistered(alert, rule.path("expr").asText());
            }
        }
        assertTrue(
                alerts.containsAll(List.of(
                        "ClockDueWithin24h",
                        "ClockMissed",
                        "AxonProcessorStalled",
                        "KafkaDeadLetters",
                        "ParkedEvents")),
                alerts.toString());
    }

    @Test
    void theDashboardNamesOnlyRegisteredMeters() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(MONITORING.resolve("fieldsafety-dashboard.json").toFile());
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertRegistered(
                        panel.path("title").asText(), target.path("expr").asText());
                targets++;
            }
        }
        assertTrue(targets > 0);
    }

    @Test
    void theOperationsGuideListsEveryMeter() throws IOException {
        String guide = Files.readString(OPERATIONS);
        for (Meter meter : Meter.values()) {
            String shown = meter.type() == Meter.Type.TIMER
                    ? meter.meterName().replace('.', '_') + "_seconds"
                    : meter.prometheusNames().get(0);
            assertTrue(guide.contains("| `" + shown + "` |"), shown + " is missing from " + OPERATIONS);
        }
    }

    @Test
    void metricNamesAreReadFromAnExpression() {
        assertEquals(
                Set.of("a_total", "b"),
                metricNames("sum by (topic) (increase(a_total{x=\"y\"}[15m])) > 0 and max(b offset 10m) >= 1"));
    }

    private static void assertRegistered(String where, String expr) {
        Set<String> names = metricNames(expr);
        assertFalse(names.isEmpty(), where + " names no metric: " + expr);
        for (String name : names) {
            assertTrue(REGISTERED.contains(name), where + " names " + name + ", which no service registers");
        }
    }

    static Set<String> metricNames(String expr) {
        String bare = LABELS.matcher(expr).replaceAll("");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll("");
        bare = DURATION.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String word = identifiers.group();
            if (identifiers.group(1) == null && !KEYWORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
