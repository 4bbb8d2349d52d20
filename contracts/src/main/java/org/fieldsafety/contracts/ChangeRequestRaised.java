package org.fieldsafety.contracts;

import java.time.Instant;
import java.util.List;

/** A change request was raised (IEC 62304 6.2, 8.2), on {@link Topics#CHANGE_CONTROL}, keyed by product. */
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
