package org.fieldsafety.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a JSON Schema may replace its previous release within one topic version. Only additive changes
 * may: a consumer written against the previous schema must read every message of the new one. Breaking:
 * a removed property, a changed type or format (including becoming or ceasing to be nullable), a new
 * required property, a removed enum constant, an object closed to additional properties.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {}

    /** The breaking changes from {@code previous} to {@code current}, each naming its JSON path; empty when additive. */
    static List<String> breakingChanges(JsonNode previous, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", previous, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode previous, JsonNode current, List<String> changes) {
        if (!types(previous).equals(types(current)) || !previous.path("format").equals(current.path("format"))) {
            changes.add(path + ": type changed from " + describe(previous) + " to " + describe(current));
        }
        Set<String> newRequired = strings(current.path("required"));
        newRequired.removeAll(strings(previous.path("required")));
        if (!newRequired.isEmpty()) {
            changes.add(path + ": new required properties " + newRequired);
        }
        if (current.has("enum")) {
            Set<String> removed = strings(previous.path("enum"));
            removed.removeAll(strings(current.get("enum")));
            if (!removed.isEmpty()) {
                changes.add(path + ": removed enum constants " + removed);
            }
        }
        if (!isFalse(previous.path("additionalProperties")) && isFalse(current.path("additionalProperties"))) {
            changes.add(path + ": closed to additional properties");
        }
        previous.path("properties").fields().forEachRemaining(property -> {
            JsonNode now = current.path("properties").path(property.getKey());
            if (now.isMissingNode()) {
                changes.add(path + "." + property.getKey() + ": removed");
            } else {
                compare(path + "." + property.getKey(), property.getValue(), now, changes);
            }
        });
        if (previous.has("items") && current.has("items")) {
            compare(path + "[]", previous.get("items"), current.get("items"), changes);
        }
        if (previous.path("additionalProperties").isObject()
                && current.path("additionalProperties").isObject()) {
            compare(path + "{}", previous.get("additionalProperties"), current.get("additionalProperties"), changes);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? strings(type) : new TreeSet<>(type.isMissingNode() ? Set.of() : Set.of(type.asText()));
    }

    private static String describe(JsonNode schema) {
        return types(schema)
                + (schema.has("format") ? " " + schema.get("format").asText() : "");
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new TreeSet<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.asBoolean();
    }
}
