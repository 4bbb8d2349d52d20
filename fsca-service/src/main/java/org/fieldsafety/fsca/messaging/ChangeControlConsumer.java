package org.fieldsafety.fsca.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.fieldsafety.contracts.ChangeRequestRaised;
import org.fieldsafety.fsca.cases.query.ChangeRequestStep;
import org.fieldsafety.fsca.cases.query.ChangeRequestView;
import org.fieldsafety.platform.CloudEventHeaders;

/**
 * Keeps each case's change requests and their latest status from {@code fieldsafety.change-control.v1},
 * so the console shows how the correction of a decided case is progressing (IEC 62304 8.2). A tolerant
 * reader: the value is read as text and only the fields used here are picked from it, so a field added
 * by change control changes nothing. The topic also carries problem report milestones: every type that is
 * not a change request's raising or one of its {@link ChangeRequestMilestone#TYPES} is skipped. At least once and idempotent ({@link ChangeRequestView#apply}); a change
 * request message that cannot be read goes to {@code fieldsafety.change-control.v1.dlq} with the reason.
 */
@ApplicationScoped
public class ChangeControlConsumer {

    private static final String RAISED_MILESTONE = "ChangeRequestRaised";
    private static final String RAISED_STATUS = "RAISED";

    private final ObjectMapper json;

    ChangeControlConsumer(ObjectMapper json) {
        this.json = json;
    }

    @Incoming(Channels.CHANGE_CONTROL_IN)
    @WithTransaction
    public Uni<Void> consume(String value, IncomingKafkaRecordMetadata<String, String> record) {
        ChangeRequestStep step;
        try {
            step = step(json, CloudEventHeaders.type(record.getHeaders()), value);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        if (step == null) {
            return Uni.createFrom().voidItem();
        }
        return ChangeRequestView.<ChangeRequestView>findById(step.changeRequestId())
                .chain(view -> {
                    if (view == null) {
                        return ChangeRequestView.of(step).persist();
                    }
                    view.apply(step);
                    return Uni.createFrom().item(view);
                })
                .replaceWithVoid();
    }

    /**
     * The change request step a message of CloudEvent {@code type} carries, or null when the type is not a
     * change request's.
     *
     * @throws IllegalArgumentException naming what is missing or unreadable: the dead-letter reason
     */
    static ChangeRequestStep step(ObjectMapper json, String type, String value) {
        boolean raised = ChangeRequestRaised.TYPE.equals(type);
        if (!raised && (type == null || !ChangeRequestMilestone.TYPES.contains(type))) {
            return null;
        }
        JsonNode event = read(json, type, value);
        String changeRequestId = required(event, "changeRequestId");
        // a milestone may repeat the raising's case id; null for a change request that is no case's
        String fscaCaseId =
                event.path("fscaCaseId").isTextual() ? event.get("fscaCaseId").asText() : null;
        if (raised) {
            return new ChangeRequestStep(
                    changeRequestId, fscaCaseId, RAISED_MILESTONE, RAISED_STATUS, instant(event, "raisedAt"));
        }
        return new ChangeRequestStep(
                changeRequestId,
                fscaCaseId,
                required(event, "milestone"),
                required(event, "status"),
                instant(event, "occurredAt"));
    }

    private static JsonNode read(ObjectMapper json, String type, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty " + type + " message");
        }
        try {
            JsonNode event = json.readTree(value);
            if (!event.isObject()) {
                throw new IllegalArgumentException("not a " + type + " JSON object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type + " JSON document: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode event, String field) {
        String value = required(event, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + value);
        }
    }
}
