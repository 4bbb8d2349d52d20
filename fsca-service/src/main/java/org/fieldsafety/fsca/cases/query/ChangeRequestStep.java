package org.fieldsafety.fsca.cases.query;

import java.time.Instant;

/**
 * One step of a change request as change control published it: its raising or a later milestone;
 * {@code fscaCaseId} is the case it was raised for, when the message names one, and {@code status} is the
 * status the step led to.
 */
public record ChangeRequestStep(
        String changeRequestId, String fscaCaseId, String milestone, String status, Instant occurredAt) {}
