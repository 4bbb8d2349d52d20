package org.fieldsafety.triage.problem;

import java.time.Instant;
import java.util.SortedSet;

/** A problem (IEC 62304 9.1): the reports of one fault of one software item of one product. */
public record ProblemView(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        long occurrences,
        Instant firstSeen,
        Instant lastSeen,
        SortedSet<String> softwareVersions,
        SortedSet<String> countries) {}
