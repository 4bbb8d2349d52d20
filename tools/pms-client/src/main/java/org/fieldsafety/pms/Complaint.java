package org.fieldsafety.pms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A complaint as the PMS sends it on {@code pms.complaints.v1}: exactly the properties of
 * {@code PmsComplaint} in contracts/asyncapi.yaml (intake v1 rejects others), absent ones left out.
 *
 * @param complaintId the PMS's own id of the complaint, required; intake makes one field report per id,
 *     so sending it again is harmless
 * @param productId required, at most 100 characters
 * @param softwareVersion at most 64 characters, when known (a complaint is recorded without it)
 * @param occurredAt not in the future, when known
 * @param awareAt when the manufacturer first became aware (e.g. the complaint unit logged it), if before
 *     sending; not before {@code occurredAt}
 * @param followUpOf the {@code complaintId} of an earlier complaint this one brings new information on
 * @param patientOutcome NONE, NO_HARM, NON_SERIOUS_INJURY, SERIOUS_INJURY, DEATH or UNKNOWN
 * @param country ISO 3166-1 alpha-2
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Complaint(
        String complaintId,
        String productId,
        String udiDi,
        String deviceSerial,
        String softwareVersion,
        String softwareItem,
        String faultCode,
        @JsonSerialize(using = ToStringSerializer.class) Instant occurredAt,
        String country,
        String patientOutcome,
        String description,
        String reporterType,
        @JsonSerialize(using = ToStringSerializer.class) Instant awareAt,
        String followUpOf) {

    /** Rejects a complaint without the contract's required properties before it reaches Kafka. */
    public Complaint {
        List<String> missing = new ArrayList<>();
        if (isBlank(complaintId)) {
            missing.add("complaintId");
        }
        if (isBlank(productId)) {
            missing.add("productId");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("A complaint needs " + String.join(", ", missing));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
