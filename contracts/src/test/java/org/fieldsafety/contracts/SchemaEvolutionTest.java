package org.fieldsafety.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Within a topic version, schemas only grow: each released schema, kept under {@code baseline/schemas}
 * (the folder carries the topic and so its version), must still exist and the current one may only add to
 * it. A breaking change needs a new topic version ({@code fieldsafety.triage.v2}) with its own schemas, save
 * the changes {@link #ACCEPTED} names, each with the decision that accepted it.
 */
class SchemaEvolutionTest {

    /** The released schemas: copy a new schema here when it is released, never edit one. */
    static final Path BASELINE = Path.of("src/test/resources/baseline/schemas");

    /**
     * Changes the compatibility check calls breaking that were accepted within v1, each exactly as the check
     * words it. Decision 0011 (docs/decisions): a complaint may lack its software version and occurrence
     * time (ISO 13485 8.2.2, every complaint is recorded), so these fields became nullable in v1; every
     * consumer in the system reads them as optional, and the PMS complaint topic is inbound, where a looser
     * schema still accepts every complaint it accepted before.
     */
    static final Map<String, List<String>> ACCEPTED = Map.of(
            "fieldsafety.reports.v1/FieldReportReceived.json",
            List.of(
                    "$.softwareVersion: type changed from [string] to [null, string]",
                    "$.occurredAt: type changed from [string] date-time to [null, string] date-time"),
            "pms.complaints.v1/PmsComplaint.json",
            List.of(
                    "$.softwareVersion: type changed from [string] to [null, string]",
                    "$.occurredAt: type changed from [string] date-time to [null, string] date-time"),
            "fieldsafety.triage.v1/ReportTriaged.json",
            List.of("$.softwareVersion: type changed from [string] to [null, string]"),
            "fieldsafety.triage.v1/ProblemDetected.json",
            List.of("$.softwareVersion: type changed from [string] to [null, string]"));

    static Stream<Path> released() throws IOException {
        return relativeJsonFiles(BASELINE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void theCurrentSchemaOnlyAddsToItsRelease(Path schema) {
        Path current = ContractEvent.SCHEMAS.resolve(schema);
        assertTrue(Files.exists(current), schema + " was released: it cannot be removed within its topic version");

        List<String> breaking =
                SchemaCompatibility.breakingChanges(
                                ContractJson.read(BASELINE.resolve(schema)), ContractJson.read(current))
                        .stream()
                        .filter(change -> !ACCEPTED.getOrDefault(schema.toString(), List.of())
                                .contains(change))
                        .toList();
        assertEquals(
                List.of(),
                breaking,
                schema + " changed incompatibly: publish the change on a new topic version instead");
    }

    @Test
    void everyCurrentSchemaHasARelease() throws IOException {
        assertEquals(
                relativeJsonFiles(ContractEvent.SCHEMAS),
                relativeJsonFiles(BASELINE),
                "copy a new schema to " + BASELINE + " when it is released");
    }

    private static List<Path> relativeJsonFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
