package org.fieldsafety.contracts;

import java.nio.file.Path;
import java.util.List;

/** An event that crosses a service boundary: its record, the topic it travels on and its JSON Schema. */
record ContractEvent(Class<? extends Record> type, String topic) {

    /** The schemas of the current release, one folder per topic: {@code <topic>/<EventName>.json}. */
    static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    static final List<ContractEvent> ALL = List.of(
            new ContractEvent(FieldReportReceived.class, Topics.REPORTS),
            new ContractEvent(PmsComplaint.class, Topics.PMS_COMPLAINTS),
            new ContractEvent(ReportTriaged.class, Topics.TRIAGE),
            new ContractEvent(ProblemDetected.class, Topics.TRIAGE),
            new ContractEvent(TrendSignalRaised.class, Topics.TRIAGE),
            new ContractEvent(FscaCaseOpened.class, Topics.FSCA),
            new ContractEvent(FscaDecisionTaken.class, Topics.FSCA),
            new ContractEvent(AuthorityNotified.class, Topics.FSCA),
            new ContractEvent(FieldSafetyNoticeIssued.class, Topics.FSCA),
            new ContractEvent(FscaCaseClosed.class, Topics.FSCA),
            new ContractEvent(ReportabilityDecided.class, Topics.FSCA),
            new ContractEvent(VigilanceReportSubmitted.class, Topics.FSCA),
            new ContractEvent(VigilanceReportAcknowledged.class, Topics.FSCA),
            new ContractEvent(ChangeRequestRaised.class, Topics.CHANGE_CONTROL),
            new ContractEvent(ChangeRequestMilestone.class, Topics.CHANGE_CONTROL),
            new ContractEvent(ProblemReportMilestone.class, Topics.CHANGE_CONTROL));

    Path schemaFile() {
        return SCHEMAS.resolve(topic).resolve(type.getSimpleName() + ".json");
    }

    /** The CloudEvent types ({@code ce_type}) of the record's messages. */
    List<String> cloudEventTypes() {
        return cloudEventTypes(type);
    }

    /**
     * A record's {@code TYPE} constant, or its {@code TYPES} when one payload serves several steps (one type
     * per milestone); empty when it has neither.
     */
    @SuppressWarnings("unchecked")
    static List<String> cloudEventTypes(Class<?> type) {
        try {
            return List.of((String) type.getField("TYPE").get(null));
        } catch (NoSuchFieldException e) {
            try {
                return (List<String>) type.getField("TYPES").get(null);
            } catch (NoSuchFieldException none) {
                return List.of();
            } catch (IllegalAccessException inaccessible) {
                throw new IllegalStateException(inaccessible);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }
}
