package org.fieldsafety.contracts;

import static org.fieldsafety.contracts.ContractJson.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps each event's JSON Schema true to its record, and the JSON the services write valid against it. */
class RecordSchemaTest {

    static Stream<ContractEvent> events() {
        return ContractEvent.ALL.stream();
    }

    @Test
    void everyRecordWithACloudEventTypeHasASchema() throws IOException {
        Set<String> typed = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/fieldsafety/contracts"))) {
            for (Path source : sources.toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                Class<?> type = load("org.fieldsafety.contracts." + name);
                if (type.isRecord() && !ContractEvent.cloudEventTypes(type).isEmpty()) {
                    typed.add(name);
                }
            }
        }
        Set<String> described = new TreeSet<>();
        ContractEvent.ALL.forEach(event -> described.add(event.type().getSimpleName()));
        assertEquals(typed, described);
        ContractEvent.ALL.forEach(
                event -> assertTrue(Files.exists(event.schemaFile()), event.schemaFile() + " missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaPropertiesMatchTheRecordComponents(ContractEvent event) {
        JsonNode schema = ContractJson.read(event.schemaFile());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                schema.path("$schema").asText());
        assertEquals(event.type().getSimpleName(), schema.path("title").asText());
        assertEquals(expected(event.type()), actual(schema));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void requiredPropertiesExistAndPrimitivesAreRequired(ContractEvent event) {
        checkRequired(event.type(), ContractJson.read(event.schemaFile()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyObjectAcceptsAdditionalPropertiesAndEveryPropertyIsDescribed(ContractEvent event) {
        List<String> problems = new ArrayList<>();
        checkOpenAndDescribed("$", ContractJson.read(event.schemaFile()), problems);
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void aFullSampleValidatesAndReadsBack(ContractEvent event) throws IOException {
        JsonNode schema = ContractJson.read(event.schemaFile());
        Record sample = Samples.full(event.type(), schema);
        ObjectNode json = MAPPER.valueToTree(sample);

        assertEquals(Set.of(), ContractJson.validator(schema).validate(json));
        assertEquals(sample, MAPPER.treeToValue(json, event.type()));
        assertTrue(json.toString().contains("\"2026-11-20T10:15:00.123456Z\""), "times are ISO-8601 strings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void aSampleWithOnlyTheRequiredFieldsValidates(ContractEvent event) {
        JsonNode schema = ContractJson.read(event.schemaFile());
        JsonNode json = MAPPER.valueToTree(Samples.minimal(event.type(), schema));

        assertEquals(Set.of(), ContractJson.validator(schema).validate(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void anUnknownPropertyIsAcceptedButAMissingRequiredOneIsNot(ContractEvent event) {
        JsonNode schema = ContractJson.read(event.schemaFile());
        ObjectNode json = MAPPER.valueToTree(Samples.full(event.type(), schema));
        json.put("addedInALaterRelease", "x");
        assertEquals(Set.of(), ContractJson.validator(schema).validate(json));

        json.remove(schema.path("required").get(0).asText());
        Set<ValidationMessage> errors = ContractJson.validator(schema).validate(json);
        assertFalse(errors.isEmpty());
    }

    @Test
    void aTimeThatIsNotAnRfc3339DateTimeIsRejected() {
        ContractEvent event = new ContractEvent(FieldReportReceived.class, Topics.REPORTS);
        JsonNode schema = ContractJson.read(event.schemaFile());
        ObjectNode json = MAPPER.valueToTree(Samples.full(event.type(), schema));
        json.put("receivedAt", "20 Nov 2026 10:15");

        assertFalse(ContractJson.validator(schema).validate(json).isEmpty());
    }

    /** The JSON shape Jackson gives a Java type: type, format, enum constants, items, properties. */
    private static JsonNode expected(Type type) {
        ObjectNode shape = MAPPER.createObjectNode();
        Class<?> raw = Samples.raw(type);
        if (raw == String.class) {
            shape.put("type", "string");
        } else if (raw == Instant.class) {
            shape.put("type", "string").put("format", "date-time");
        } else if (Set.of(int.class, Integer.class, long.class, Long.class).contains(raw)) {
            shape.put("type", "integer");
        } else if (Set.of(double.class, Double.class, float.class, Float.class).contains(raw)) {
            shape.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            shape.put("type", "boolean");
        } else if (raw.isEnum()) {
            shape.put("type", "string");
            ArrayNode constants = shape.putArray("enum");
            Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .sorted()
                    .forEach(constants::add);
        } else if (raw == List.class) {
            shape.put("type", "array").set("items", expected(Samples.typeArgument(type, 0)));
        } else if (raw == Map.class) {
            assertEquals(String.class, Samples.typeArgument(type, 0), "JSON object keys are strings");
            shape.put("type", "object").set("additionalProperties", expected(Samples.typeArgument(type, 1)));
        } else if (raw.isRecord()) {
            ObjectNode properties = shape.put("type", "object").putObject("properties");
            for (RecordComponent component : raw.getRecordComponents()) {
                properties.set(component.getName(), expected(component.getGenericType()));
            }
        } else {
            throw new AssertionError("no JSON type for " + type);
        }
        return shape;
    }

    /** The same shape read from a schema; "null" in a type list only marks an optional property. */
    private static JsonNode actual(JsonNode schema) {
        ObjectNode shape = MAPPER.createObjectNode();
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        (type.isArray() ? type : MAPPER.createArrayNode().add(type)).forEach(t -> types.add(t.asText()));
        types.remove("null");
        assertEquals(1, types.size(), "one JSON type besides null: " + schema);
        shape.put("type", types.get(0));
        if (schema.has("format")) {
            shape.put("format", schema.get("format").asText());
        }
        if (schema.has("enum")) {
            Set<String> constants = new TreeSet<>();
            schema.get("enum").forEach(c -> constants.add(c.asText()));
            constants.forEach(shape.putArray("enum")::add);
        }
        if (schema.has("items")) {
            shape.set("items", actual(schema.get("items")));
        }
        if (schema.has("properties")) {
            ObjectNode properties = shape.putObject("properties");
            schema.get("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), actual(p.getValue())));
        } else if (schema.path("additionalProperties").isObject()) {
            shape.set("additionalProperties", actual(schema.get("additionalProperties")));
        }
        return shape;
    }

    private static void checkRequired(Class<?> type, JsonNode schema) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (String name : required) {
            JsonNode property = schema.path("properties").path(name);
            assertFalse(property.isMissingNode(), type.getSimpleName() + "." + name + " is required but no property");
            assertFalse(
                    property.path("type").isArray(), type.getSimpleName() + "." + name + " is required but nullable");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + component.getName();
            JsonNode property = schema.path("properties").path(component.getName());
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(component.getName()), name + " is primitive, so always present");
            } else if (!required.contains(component.getName())) {
                assertTrue(property.path("type").toString().contains("null"), name + " is optional, so nullable");
            }
            Class<?> nested = component.getType() == List.class
                    ? Samples.raw(Samples.typeArgument(component.getGenericType(), 0))
                    : component.getType();
            if (nested.isRecord()) {
                checkRequired(nested, component.getType() == List.class ? property.path("items") : property);
            }
        }
    }

    private static void checkOpenAndDescribed(String path, JsonNode schema, List<String> problems) {
        if (schema.path("description").asText().isBlank()) {
            problems.add(path + " has no description");
        }
        if (schema.has("properties") && !schema.path("additionalProperties").asBoolean(false)) {
            problems.add(path + " must say additionalProperties: true");
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(p -> checkOpenAndDescribed(path + "." + p.getKey(), p.getValue(), problems));
        if (schema.has("items") && schema.get("items").has("properties")) {
            checkOpenAndDescribed(path + "[]", schema.get("items"), problems);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
