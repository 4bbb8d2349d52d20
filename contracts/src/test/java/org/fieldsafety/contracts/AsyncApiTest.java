package org.fieldsafety.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the AsyncAPI document true to {@link Topics}, the records' CloudEvent types and the schema files. */
class AsyncApiTest {

    static final Path DOCUMENT = Path.of("asyncapi.yaml");

    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode asyncApi;

    @BeforeAll
    static void read() throws IOException {
        asyncApi = YAML.readTree(DOCUMENT.toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", asyncApi.path("asyncapi").asText());
    }

    @Test
    void everyTopicHasAChannel() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        Set<String> addresses = addresses();
        topics.forEach(topic -> assertTrue(addresses.contains(topic), topic + " has no channel"));
    }

    @Test
    void everyConsumedTopicAndOnlyThoseHaveADeadLetterChannel() {
        Set<String> consumed = new TreeSet<>();
        asyncApi.path("operations").forEach(operation -> {
            if ("receive".equals(operation.path("action").asText())) {
                consumed.add(resolve(operation.path("channel")).path("address").asText());
            }
        });
        Set<String> expected = consumed.stream().map(Topics::deadLetter).collect(Collectors.toCollection(TreeSet::new));
        Set<String> deadLetters = addresses().stream()
                .filter(address -> address.endsWith(".dlq"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(expected, deadLetters);
        assertTrue(consumed.contains(Topics.PMS_COMPLAINTS));
    }

    @Test
    void everyOperationAndChannelReferencesMessagesThatExist() {
        asyncApi.path("channels").forEach(channel -> channel.path("messages").forEach(message -> {
            JsonNode resolved = resolve(message);
            assertFalse(resolved.path("payload").isMissingNode(), message + " has no payload");
        }));
        asyncApi.path("operations").forEach(operation -> {
            assertFalse(resolve(operation.path("channel")).isMissingNode(), operation + " has no channel");
            operation
                    .path("messages")
                    .forEach(message -> assertFalse(resolve(message).isMissingNode()));
        });
    }

    @Test
    void everyEventMessageCarriesItsRecordsTypesAndSchemaOnItsTopic() {
        Set<String> described = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            channel.path("messages").forEach(reference -> {
                JsonNode message = resolve(reference);
                List<String> types = ceTypes(message.path("headers"));
                if (types.isEmpty()) {
                    assertTrue(address.endsWith(".dlq"), "a message on " + address + " has no ce_type");
                    return;
                }
                ContractEvent event = ContractEvent.ALL.stream()
                        .filter(candidate -> candidate.cloudEventTypes().contains(types.get(0)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("ce_type " + types.get(0) + " is no record's type"));
                assertEquals(event.cloudEventTypes(), types, event + " has other ce_types");
                assertEquals(event.topic(), address, event + " is on the wrong topic");
                assertEquals(event.type().getSimpleName(), message.path("name").asText());
                Path schema = DOCUMENT.resolveSibling(
                        message.path("payload").path("schema").path("$ref").asText());
                assertEquals(event.schemaFile().normalize(), schema.normalize(), event + " has another payload");
                described.addAll(types);
            });
        });
        Set<String> all = new TreeSet<>();
        ContractEvent.ALL.forEach(event -> all.addAll(event.cloudEventTypes()));
        assertEquals(all, described);
    }

    /** Kept for ever and never compacted, so that a PMS can re-read every topic from its start. */
    @Test
    void everyTopicChannelStatesTheTopicConfiguration() {
        Set<String> configured = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            JsonNode kafka = resolve(channel.path("bindings")).path("kafka");
            assertEquals(Topics.PARTITIONS, kafka.path("partitions").asInt(), address + " partitions");
            JsonNode configuration = kafka.path("topicConfiguration");
            Topics.CONFIG.forEach((name, value) -> {
                JsonNode stated = configuration.path(name);
                String text = stated.isArray()
                        ? String.join(",", YAML.convertValue(stated, String[].class))
                        : stated.asText();
                assertEquals(value, text, address + " " + name);
            });
            configured.add(address);
        });
        assertEquals(new TreeSet<>(Topics.ALL), configured);
        assertEquals("-1", Topics.CONFIG.get("retention.ms"));
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertFalse(asyncApi.at(ref.substring(1)).isMissingNode(), ref + " does not resolve");
            } else {
                Path file = DOCUMENT.resolveSibling(ref);
                assertTrue(Files.isRegularFile(file), ref + " does not resolve");
                assertTrue(ContractJson.read(file).has("properties"), ref + " is not an object schema");
            }
        }
    }

    private static Set<String> addresses() {
        Set<String> addresses = new TreeSet<>();
        asyncApi.path("channels")
                .forEach(channel -> addresses.add(channel.path("address").asText()));
        return addresses;
    }

    /** The node an in-document {@code $ref} points at, or the node itself when it is no reference. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? resolve(asyncApi.at(ref.substring(1))) : node;
    }

    /** The {@code ce_type} header's {@code const} or {@code enum} anywhere in a headers schema (e.g. inside allOf). */
    private static List<String> ceTypes(JsonNode headers) {
        JsonNode type = resolve(headers).path("properties").path("ce_type");
        List<String> types = new ArrayList<>();
        if (type.path("const").isTextual()) {
            types.add(type.path("const").asText());
        }
        type.path("enum").forEach(constant -> types.add(constant.asText()));
        headers.path("allOf").forEach(part -> types.addAll(ceTypes(part)));
        return types;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
