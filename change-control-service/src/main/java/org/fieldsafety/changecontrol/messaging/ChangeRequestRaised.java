package org.fieldsafety.changecontrol.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A change request was raised, on {@code fieldsafety.change-control.v1}, keyed by product. Belongs in
 * {@code contracts} next to the other message records.
 */
public record ChangeRequestRaised(
        String changeRequestId,
        String title,
        String reason,
        String productId,
        List<String> softwareItems,
        String problemReportId,
        String problemId,
        String fscaCaseId,
        String requestedBy,
        Instant raisedAt) {

    public static final String TYPE = "org.fieldsafety.ChangeRequestRaised.v1";
}
