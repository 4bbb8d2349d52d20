package org.fieldsafety.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Consumer-driven contracts: what each consumer of a topic reads from each event, checked against the
 * producer's schema. A field a consumer cannot do without must stay required (present and not null); a
 * field it reads when present must stay a property. A producer that drops or loosens one fails here, before
 * any consumer breaks. A consumer that starts reading another field adds it to its expectation.
 */
class ConsumerContractTest {

    /**
     * One consumer's reading of one event: {@code needs} it cannot process the event without, {@code reads}
     * when present. A path into an array's items is written {@code reportability[].deadline}.
     */
    record Expectation(
            String consumer, String topic, Class<? extends Record> event, List<String> needs, List<String> reads) {

        @Override
        public String toString() {
            return consumer + " reads " + event.getSimpleName() + " from " + topic;
        }
    }

    static final List<Expectation> EXPECTATIONS = List.of(
            // intake-service PmsComplaintConsumer: the complaint becomes a field report of source PMS
            new Expectation(
                    "intake-service",
                    Topics.PMS_COMPLAINTS,
                    PmsComplaint.class,
                    List.of("complaintId", "productId"),
                    List.of(
                            "softwareVersion",
                            "occurredAt",
                            "awareAt",
                            "followUpOf",
                            "udiDi",
                            "deviceSerial",
                            "softwareItem",
                            "faultCode",
                            "country",
                            "patientOutcome",
                            "description",
                            "reporterType")),
            // triage-service ReportConsumer: classification, reportability, problem grouping
            new Expectation(
                    "triage-service",
                    Topics.REPORTS,
                    FieldReportReceived.class,
                    List.of("reportId", "productId", "receivedAt", "patientOutcome"),
                    List.of(
                            "source",
                            "softwareVersion",
                            "softwareItem",
                            "faultCode",
                            "occurredAt",
                            "country",
                            "awareAt",
                            "followUpOf")),
            // fsca-service TriageConsumer: an FSCA candidate opens or extends a case with its clocks
            new Expectation(
                    "fsca-service",
                    Topics.TRIAGE,
                    ReportTriaged.class,
                    List.of(
                            "reportId",
                            "productId",
                            "problemId",
                            "awareAt",
                            "safetyClass",
                            "severity",
                            "probability",
                            "riskRegion",
                            "seriousIncident",
                            "fscaCandidate",
                            "reportability[].regime",
                            "reportability[].basis",
                            "reportability[].deadline"),
                    List.of(
                            "softwareItem",
                            "softwareVersion",
                            "faultCode",
                            "country",
                            "hazard",
                            "followUpOf",
                            "product.name",
                            "product.udiDi",
                            "product.markets")),
            // change-control-service TriageConsumer: a new problem opens its problem report (IEC 62304 9.1) ...
            new Expectation(
                    "change-control-service",
                    Topics.TRIAGE,
                    ProblemDetected.class,
                    List.of("problemId", "productId", "safetyClass", "severity", "riskRegion", "firstReportId"),
                    List.of("softwareVersion", "softwareItem", "faultCode", "hazard")),
            // ... and a report of a closed problem reopens it; follow-up information is not another report
            new Expectation(
                    "change-control-service",
                    Topics.TRIAGE,
                    ReportTriaged.class,
                    List.of("reportId", "problemId", "triagedAt"),
                    List.of("softwareVersion", "originalReportId")),
            // change-control-service FscaConsumer: an FSCA_REQUIRED decision raises a change request
            new Expectation(
                    "change-control-service",
                    Topics.FSCA,
                    FscaDecisionTaken.class,
                    List.of("caseId", "problemId", "productId", "softwareItems", "decision", "rationale", "decidedBy"),
                    List.of("action")),
            // fsca-service ChangeControlConsumer: the change requests of a case and their status
            new Expectation(
                    "fsca-service",
                    Topics.CHANGE_CONTROL,
                    ChangeRequestRaised.class,
                    List.of("changeRequestId", "raisedAt"),
                    List.of("fscaCaseId")),
            new Expectation(
                    "fsca-service",
                    Topics.CHANGE_CONTROL,
                    ChangeRequestMilestone.class,
                    List.of("changeRequestId", "milestone", "status", "occurredAt"),
                    List.of("fscaCaseId")));

    static Stream<Expectation> expectations() {
        return EXPECTATIONS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void theProducersSchemaGivesWhatTheConsumerReads(Expectation expectation) {
        assertEquals(List.of(), violations(expectation, schema(expectation)));
    }

    @Test
    void everyEventTopicHasAConsumerContract() {
        Set<String> consumed =
                EXPECTATIONS.stream().map(Expectation::topic).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Topics.EVENT_TOPICS), consumed);
    }

    @Test
    void aProducerThatDropsANeededFieldBreaksTheContract() {
        Expectation fsca = EXPECTATIONS.get(2);
        ObjectNode schema = schema(fsca).deepCopy();
        ((ObjectNode) schema.get("properties")).remove("awareAt");

        assertEquals(List.of("awareAt: not in the schema"), violations(fsca, schema));
    }

    @Test
    void aProducerThatMakesANeededFieldOptionalBreaksTheContract() {
        Expectation fsca = EXPECTATIONS.get(2);
        ObjectNode schema = schema(fsca).deepCopy();
        ArrayNode required = schema.putArray("required");
        schema(fsca).get("required").forEach(name -> {
            if (!name.asText().equals("fscaCandidate")) {
                required.add(name);
            }
        });

        assertEquals(List.of("fscaCandidate: not required"), violations(fsca, schema));
    }

    @Test
    void aProducerThatDropsAnOptionalFieldBreaksTheContract() {
        Expectation fsca = EXPECTATIONS.get(2);
        ObjectNode schema = schema(fsca).deepCopy();
        ((ObjectNode) schema.get("properties")).remove("hazard");

        assertEquals(List.of("hazard: not in the schema"), violations(fsca, schema));
    }

    private static JsonNode schema(Expectation expectation) {
        ContractEvent event = ContractEvent.ALL.stream()
                .filter(candidate -> candidate.type() == expectation.event())
                .findFirst()
                .orElseThrow();
        assertEquals(event.topic(), expectation.topic(), expectation.event().getSimpleName() + " travels elsewhere");
        return ContractJson.read(event.schemaFile());
    }

    /** Every needed field that is not required (at every level of its path), every read one that is not there. */
    static List<String> violations(Expectation expectation, JsonNode schema) {
        List<String> violations = new ArrayList<>();
        expectation.needs().forEach(path -> check(path, schema, true, violations));
        expectation.reads().forEach(path -> check(path, schema, false, violations));
        return violations;
    }

    private static void check(String path, JsonNode schema, boolean needed, List<String> violations) {
        JsonNode object = schema;
        for (String step : path.split("\\.")) {
            boolean array = step.endsWith("[]");
            String name = array ? step.substring(0, step.length() - 2) : step;
            JsonNode property = object.path("properties").path(name);
            if (property.isMissingNode()) {
                violations.add(path + ": not in the schema");
                return;
            }
            boolean required = false;
            for (JsonNode candidate : object.path("required")) {
                required |= candidate.asText().equals(name);
            }
            if (needed && (!required || property.path("type").toString().contains("null"))) {
                violations.add(path + ": not required");
                return;
            }
            object = array ? property.path("items") : property;
        }
    }
}
