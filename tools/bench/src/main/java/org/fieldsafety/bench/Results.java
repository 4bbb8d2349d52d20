package org.fieldsafety.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fieldsafety.local.ApiClient;

/** The figures of a scenario's runs, stored as JSON between the scenario runs and the report. */
final class Results {

    /** One run's figures, in the order the report shows them; {@code notes} say what a run observed. */
    record Run(Map<String, Double> figures, List<String> notes) {

        Run {
            figures = new LinkedHashMap<>(figures);
            notes = List.copyOf(notes);
        }
    }

    /** Every run of one scenario. */
    record Scenario(String scenario, boolean smoke, List<Run> runs) {

        /** Each figure's values over the runs, in the first run's order. */
        Map<String, List<Double>> figures() {
            Map<String, List<Double>> figures = new LinkedHashMap<>();
            for (Run run : runs) {
                run.figures().forEach((name, value) -> figures.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(value));
            }
            return figures;
        }
    }

    private Results() {}

    static void store(Path dir, String scenario, boolean smoke, List<Run> runs) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(scenario + ".json");
        ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), new Scenario(scenario, smoke, runs));
        Bench.log("stored " + file);
    }

    static List<Scenario> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                scenarios.add(ApiClient.JSON.readValue(file.toFile(), new TypeReference<Scenario>() {}));
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the results in " + dir, e);
        }
    }
}
