package org.fieldsafety.changecontrol.messaging;

import java.time.Instant;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;

/** A problem report's milestone on {@code fieldsafety.change-control.v1}; the CloudEvent type names it. */
public record ProblemReportMilestone(
        String problemReportId,
        String problemId,
        String productId,
        String milestone,
        ProblemReportStatus status,
        Instant occurredAt) {}
