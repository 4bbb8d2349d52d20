package org.fieldsafety.contracts;

import java.time.Instant;

/**
 * Triage saw a new problem: the first report of a (product, software item, fault code) group. On
 * {@link Topics#TRIAGE}, keyed by problem id, once per problem. IEC 62304 clause 9.1 asks for a problem
 * report per problem; change-control opens it from this event.
 */
public record ProblemDetected(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        String softwareVersion,
        String safetyClass,
        String hazard,
        int severity,
        String riskRegion,
        String firstReportId,
        Instant firstSeen,
        Instant detectedAt) {

    public static final String TYPE = "org.fieldsafety.ProblemDetected.v1";
}
