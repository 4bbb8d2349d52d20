package org.fieldsafety.fsca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.contracts.ChangeRequestRaised;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.TestKafka;

/** Change control's side of fsca's tests: change request steps as it publishes them on the real broker. */
public final class ChangeControlEvents {

    public static final String PRODUCT = "INSULIN-PUMP-X";

    private ChangeControlEvents() {}

    /** The raising of change request {@code changeRequestId} for case {@code caseId}. */
    public static void raised(
            String bootstrapServers, ObjectMapper json, String changeRequestId, String caseId, Instant raisedAt)
            throws JsonProcessingException {
        ChangeRequestRaised raised = new ChangeRequestRaised(
                changeRequestId,
                "Fix the dose calculation overflow",
                "FSCA decided for case " + caseId,
                PRODUCT,
                List.of("dose-calculator"),
                null,
                null,
                caseId,
                "system",
                raisedAt);
        publish(
                bootstrapServers,
                "raised-" + changeRequestId,
                ChangeRequestRaised.TYPE,
                json.writeValueAsString(raised));
    }

    /** A later step, e.g. {@code ChangeApproved} leading to {@code APPROVED}, as change control words it. */
    public static void milestone(
            String bootstrapServers,
            ObjectMapper json,
            String changeRequestId,
            String milestone,
            String status,
            Instant occurredAt)
            throws JsonProcessingException {
        Map<String, String> payload = Map.of(
                "changeRequestId", changeRequestId,
                "productId", PRODUCT,
                "milestone", milestone,
                "status", status,
                "occurredAt", occurredAt.toString());
        publish(
                bootstrapServers,
                milestone + "-" + changeRequestId,
                "org.fieldsafety." + milestone + ".v1",
                json.writeValueAsString(payload));
    }

    /** Any message on the topic, keyed by product as change control keys them. */
    public static void publish(String bootstrapServers, String id, String type, String value) {
        TestKafka.publishCloudEvent(bootstrapServers, Topics.CHANGE_CONTROL, PRODUCT, id, type, value);
    }
}
