package org.fieldsafety.changecontrol.change;

import java.util.Map;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeCommunicated;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeReleased;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestClosed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeVerified;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysisReopened;

/** Where a change request stands in its workflow (IEC 62304 6.2, 6.3, 8.2). */
public enum ChangeRequestStatus {
    RAISED,
    /** A change altered a safety class (8.2.2): the impact is analysed, and approved, again. */
    IMPACT_ANALYSIS_REQUIRED,
    IMPACT_ANALYSED,
    APPROVED,
    IMPLEMENTED,
    VERIFIED,
    RELEASED,
    COMMUNICATED,
    CLOSED;

    private static final Map<Class<? extends ChangeRequestEvent>, ChangeRequestStatus> AFTER = Map.of(
            ChangeRequestRaised.class, RAISED,
            ImpactAnalysed.class, IMPACT_ANALYSED,
            ChangeApproved.class, APPROVED,
            ChangeImplemented.class, IMPLEMENTED,
            ImpactAnalysisReopened.class, IMPACT_ANALYSIS_REQUIRED,
            ChangeVerified.class, VERIFIED,
            ChangeReleased.class, RELEASED,
            ChangeCommunicated.class, COMMUNICATED,
            ChangeRequestClosed.class, CLOSED);

    /**
     * The status a change request is in after {@code event}: the workflow's one state function, which the
     * aggregate, its view, its publisher and the API's step answers all follow.
     */
    public static ChangeRequestStatus after(ChangeRequestEvent event) {
        return AFTER.get(event.getClass());
    }
}
