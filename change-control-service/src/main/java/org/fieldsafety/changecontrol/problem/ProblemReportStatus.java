package org.fieldsafety.changecontrol.problem;

import java.util.Map;
import java.util.Objects;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ChangeRequestsLinked;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.NoActionDecided;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemInvestigated;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportClosed;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportOpened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportReopened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ResolutionVerified;

/** Where a problem report stands in the problem resolution process (IEC 62304 clause 9). */
public enum ProblemReportStatus {
    OPEN,
    INVESTIGATED,
    CHANGE_REQUESTED,
    NO_ACTION,
    RESOLUTION_VERIFIED,
    CLOSED;

    /** Parties advised (9.3) is the one step that leaves the report where it is. */
    private static final Map<Class<? extends ProblemReportEvent>, ProblemReportStatus> MOVED_TO = Map.of(
            ProblemReportOpened.class, OPEN,
            ProblemInvestigated.class, INVESTIGATED,
            ChangeRequestsLinked.class, CHANGE_REQUESTED,
            NoActionDecided.class, NO_ACTION,
            ResolutionVerified.class, RESOLUTION_VERIFIED,
            ProblemReportClosed.class, CLOSED,
            ProblemReportReopened.class, OPEN);

    /**
     * The status {@code event} moves a report to, or null for a step that leaves it where it is: the
     * process's one state function, which the aggregate, its view, its publisher and the API's step
     * answers all follow.
     */
    public static ProblemReportStatus movedTo(ProblemReportEvent event) {
        return MOVED_TO.get(event.getClass());
    }

    /** The status of a report that was {@code before} once {@code event} happened. */
    public static ProblemReportStatus after(ProblemReportStatus before, ProblemReportEvent event) {
        return Objects.requireNonNullElse(movedTo(event), before);
    }
}
