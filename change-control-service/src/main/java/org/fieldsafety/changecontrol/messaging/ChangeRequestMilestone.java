package org.fieldsafety.changecontrol.messaging;

import java.time.Instant;
import org.fieldsafety.changecontrol.change.ChangeRequestStatus;

/**
 * A change request's later milestone on {@code fieldsafety.change-control.v1} (its raising is the
 * contract's {@code ChangeRequestRaised}); the CloudEvent type names the step.
 */
public record ChangeRequestMilestone(
        String changeRequestId, String productId, String milestone, ChangeRequestStatus status, Instant occurredAt) {}
