package org.fieldsafety.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the AsyncAPI document true to {@link Topics}, the records' CloudEvent types and the schema files. */
class AsyncApiTest {

    static final Path DOCUMENT = Path.of("asyncapi.yaml");

    static JsonNode asyncApi;

    @BeforeAll
    static void read() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
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
    void everyEventMessageCarriesItsRecordsTypeAndSchemaOnItsTopic() {
        Map<String, ContractEvent> byType =
                ContractEvent.ALL.stream().collect(Collectors.toMap(ContractEvent::cloudEventType, event -> event));
        Set<String> described = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            channel.path("messages").forEach(reference -> {
                JsonNode message = resolve(reference);
                String type = ceType(message.path("headers"));
                if (type == null) {
                    assertTrue(
                            address.equals(Topics.PMS_COMPLAINTS) || address.endsWith(".dlq"),
                            "a message on " + address + " has no ce_type");
                    return;
                }
                ContractEvent event = byType.get(type);
                assertNotNull(event, "ce_type " + type + " is no record's TYPE");
                assertEquals(event.topic(), address, type + " is on the wrong topic");
                assertEquals(event.type().getSimpleName(), message.path("name").asText());
                Path schema = DOCUMENT.resolveSibling(
                        message.path("payload").path("schema").path("$ref").asText());
                assertEquals(event.schemaFile().normalize(), schema.normalize(), type + " has another payload");
                described.add(type);
            });
        });
        assertEquals(new TreeSet<>(byType.keySet()), described);
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

    /** The {@code const} of the {@code ce_type} header anywhere in a headers schema (e.g. inside allOf). */
    private static String ceType(JsonNode headers) {
        JsonNode type = resolve(headers).path("properties").path("ce_type").path("const");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode part : headers.path("allOf")) {
            String nested = ceType(part);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
