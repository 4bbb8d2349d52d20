package org.fieldsafety.changecontrol.problem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;

/** The status a step moved the problem report to; {@code null} when the step does not move it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemStepResponse(String id, ProblemReportStatus status) {}
