package org.fieldsafety.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sample instances of the contract records, built by reflection so that a new component is covered without
 * editing a test: every component gets a value of its type, or, in a minimal sample, null when its schema
 * does not require it.
 */
final class Samples {

    static final Instant TIME = Instant.parse("2026-11-20T10:15:00.123456Z");

    private Samples() {}

    /** Every component set. */
    static Record full(Class<? extends Record> type, JsonNode schema) {
        return record(type, schema, false);
    }

    /** Only what the schema requires set; every other component null. */
    static Record minimal(Class<? extends Record> type, JsonNode schema) {
        return record(type, schema, true);
    }

    private static Record record(Class<?> type, JsonNode schema, boolean minimal) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            boolean omitted = minimal && !required.contains(component.getName()) && !types[i].isPrimitive();
            values[i] = omitted
                    ? null
                    : value(
                            component.getGenericType(),
                            schema.path("properties").path(component.getName()),
                            minimal);
        }
        try {
            return (Record) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }

    private static Object value(Type type, JsonNode schema, boolean minimal) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return "text";
        } else if (raw == Instant.class) {
            return TIME;
        } else if (raw == int.class || raw == Integer.class) {
            return 3;
        } else if (raw == long.class || raw == Long.class) {
            return 12L;
        } else if (raw == double.class || raw == Double.class) {
            return 2.5;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return true;
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        } else if (raw == List.class) {
            return List.of(value(typeArgument(type, 0), schema.path("items"), minimal));
        } else if (raw == Map.class) {
            return Map.of("key", value(typeArgument(type, 1), schema.path("additionalProperties"), minimal));
        } else if (raw.isRecord()) {
            return record(raw, schema, minimal);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
}
