package org.fieldsafety.changecontrol.problem.query;

import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.ProblemReportStatus;

/** A problem report as a change's traceability names it (IEC 62304 8.2.4). */
public record ProblemReportLink(
        String id, String problemId, ProblemReportStatus status, Criticality.Level criticality) {}
