package org.fieldsafety.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Within a topic version, schemas only grow: each released schema, kept under {@code baseline/schemas}
 * (the folder carries the topic and so its version), must still exist and the current one may only add to
 * it. A breaking change needs a new topic version ({@code fieldsafety.triage.v2}) with its own schemas.
 */
class SchemaEvolutionTest {

    /** The released schemas: copy a new schema here when it is released, never edit one. */
    static final Path BASELINE = Path.of("src/test/resources/baseline/schemas");

    static Stream<Path> released() throws IOException {
        return relativeJsonFiles(BASELINE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void theCurrentSchemaOnlyAddsToItsRelease(Path schema) {
        Path current = ContractEvent.SCHEMAS.resolve(schema);
        assertTrue(Files.exists(current), schema + " was released: it cannot be removed within its topic version");

        assertEquals(
                List.of(),
                SchemaCompatibility.breakingChanges(
                        ContractJson.read(BASELINE.resolve(schema)), ContractJson.read(current)),
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
