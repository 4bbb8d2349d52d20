package org.fieldsafety.contracts;

import static org.fieldsafety.contracts.ContractJson.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas of the messages that carry a report's fields state {@link FieldLengths} as their maxLength. */
class FieldLengthsTest {

    /** Every field with a limit, by its name in the schemas. */
    private static final Map<String, Integer> LIMITS = Map.of(
            "productId", FieldLengths.PRODUCT_ID,
            "udiDi", FieldLengths.UDI_DI,
            "deviceSerial", FieldLengths.DEVICE_SERIAL,
            "softwareVersion", FieldLengths.SOFTWARE_VERSION,
            "softwareItem", FieldLengths.SOFTWARE_ITEM,
            "faultCode", FieldLengths.FAULT_CODE,
            "description", FieldLengths.DESCRIPTION,
            "reporterType", FieldLengths.REPORTER_TYPE,
            "complaintId", FieldLengths.COMPLAINT_ID);

    static Stream<ContractEvent> reportCarriers() {
        return Stream.of(FieldReportReceived.class, PmsComplaint.class, ReportTriaged.class, ProblemDetected.class)
                .map(type -> ContractEvent.ALL.stream()
                        .filter(event -> event.type() == type)
                        .findFirst()
                        .orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportCarriers")
    void everyLimitedFieldStatesItsLimit(ContractEvent event) {
        JsonNode properties = ContractJson.read(event.schemaFile()).path("properties");
        Map<String, Integer> stated = new TreeMap<>();
        Map<String, Integer> expected = new TreeMap<>();
        properties.fields().forEachRemaining(property -> {
            if (LIMITS.containsKey(property.getKey())) {
                expected.put(property.getKey(), LIMITS.get(property.getKey()));
                stated.put(
                        property.getKey(), property.getValue().path("maxLength").asInt(-1));
            }
        });
        assertFalse(expected.isEmpty(), event + " carries no limited field");
        assertEquals(expected, stated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportCarriers")
    void aValueAtItsLimitValidatesAndOneCharacterMoreDoesNot(ContractEvent event) throws Exception {
        JsonNode schema = ContractJson.read(event.schemaFile());
        List<String> limited = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(name -> {
            if (LIMITS.containsKey(name)) {
                limited.add(name);
            }
        });
        for (String field : limited) {
            ObjectNode json = MAPPER.valueToTree(Samples.full(event.type(), schema));
            json.put(field, "x".repeat(LIMITS.get(field)));
            assertEquals(0, ContractJson.validator(schema).validate(json).size(), field + " at its limit");
            json.put(field, "x".repeat(LIMITS.get(field) + 1));
            assertEquals(1, ContractJson.validator(schema).validate(json).size(), field + " over its limit");
        }
    }
}
