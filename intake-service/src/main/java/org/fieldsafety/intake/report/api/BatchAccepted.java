package org.fieldsafety.intake.report.api;

import java.util.List;

/** The 202 answer to a batch: one report id per report, in the order sent. */
public record BatchAccepted(List<String> reportIds) {}
