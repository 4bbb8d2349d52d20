package org.fieldsafety.contracts;

import static org.fieldsafety.contracts.SchemaCompatibility.breakingChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparator the schema evolution test relies on, one rule per test on small hand-written schemas. */
class SchemaCompatibilityTest {

    private static final String PREVIOUS =
            """
            {"type": "object", "additionalProperties": true, "required": ["id"],
             "properties": {
               "id": {"type": "string"},
               "at": {"type": "string", "format": "date-time"},
               "outcome": {"type": "string", "enum": ["NONE", "DEATH"]},
               "items": {"type": "array", "items": {"type": "object", "properties": {"count": {"type": "integer"}}}}
             }}
            """;

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertEquals(List.of(), breakingChanges(json(PREVIOUS), json(PREVIOUS)));
    }

    @Test
    void anAddedOptionalPropertyIsCompatible() {
        String current = PREVIOUS.replace(
                "\"id\": {\"type\": \"string\"},", "\"id\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"},");

        assertEquals(List.of(), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void anAddedEnumConstantIsCompatible() {
        String current = PREVIOUS.replace("[\"NONE\", \"DEATH\"]", "[\"NONE\", \"DEATH\", \"UNKNOWN\"]");

        assertEquals(List.of(), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aRemovedPropertyIsBreaking() {
        String current = PREVIOUS.replace("\"at\": {\"type\": \"string\", \"format\": \"date-time\"},", "");

        assertEquals(List.of("$.at: removed"), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aChangedTypeIsBreaking() {
        String current = PREVIOUS.replace("\"id\": {\"type\": \"string\"}", "\"id\": {\"type\": \"integer\"}");

        assertEquals(
                List.of("$.id: type changed from [string] to [integer]"),
                breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aChangedFormatIsBreaking() {
        String current = PREVIOUS.replace("date-time", "date");

        assertEquals(
                List.of("$.at: type changed from [string] date-time to [string] date"),
                breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void becomingNullableIsBreaking() {
        String current =
                PREVIOUS.replace("\"id\": {\"type\": \"string\"}", "\"id\": {\"type\": [\"string\", \"null\"]}");

        assertEquals(
                List.of("$.id: type changed from [string] to [null, string]"),
                breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aNewRequiredPropertyIsBreaking() {
        String current = PREVIOUS.replace("\"required\": [\"id\"]", "\"required\": [\"id\", \"at\"]");

        assertEquals(List.of("$: new required properties [at]"), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aRemovedEnumConstantIsBreaking() {
        String current = PREVIOUS.replace("[\"NONE\", \"DEATH\"]", "[\"NONE\"]");

        assertEquals(
                List.of("$.outcome: removed enum constants [DEATH]"), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void closingAnObjectToAdditionalPropertiesIsBreaking() {
        String current = PREVIOUS.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        assertEquals(List.of("$: closed to additional properties"), breakingChanges(json(PREVIOUS), json(current)));
    }

    @Test
    void aChangeInsideArrayItemsIsFound() {
        String current = PREVIOUS.replace("\"count\": {\"type\": \"integer\"}", "\"count\": {\"type\": \"number\"}");

        assertEquals(
                List.of("$.items[].count: type changed from [integer] to [number]"),
                breakingChanges(json(PREVIOUS), json(current)));
    }

    private static JsonNode json(String text) {
        try {
            return ContractJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
