package org.fieldsafety.contracts;

import java.nio.file.Path;
import java.util.List;

/** An event that crosses a service boundary: its record, the topic it travels on and its JSON Schema. */
record ContractEvent(Class<? extends Record> type, String topic) {

    /** The schemas of the current release, one folder per topic: {@code <topic>/<EventName>.json}. */
    static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    static final List<ContractEvent> ALL = List.of(
            new ContractEvent(FieldReportReceived.class, Topics.REPORTS),
            new ContractEvent(ReportTriaged.class, Topics.TRIAGE),
            new ContractEvent(ProblemDetected.class, Topics.TRIAGE),
            new ContractEvent(TrendSignalRaised.class, Topics.TRIAGE),
            new ContractEvent(FscaDecisionTaken.class, Topics.FSCA),
            new ContractEvent(ChangeRequestRaised.class, Topics.CHANGE_CONTROL));

    Path schemaFile() {
        return SCHEMAS.resolve(topic).resolve(type.getSimpleName() + ".json");
    }

    /** The record's {@code TYPE} constant: the CloudEvent type ({@code ce_type}) of its messages. */
    String cloudEventType() {
        return cloudEventType(type);
    }

    /** The {@code TYPE} constant of a record, or null when it has none. */
    static String cloudEventType(Class<?> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
