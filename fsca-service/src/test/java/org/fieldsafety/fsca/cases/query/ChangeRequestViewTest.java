package org.fieldsafety.fsca.cases.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeRequestViewTest {

    private static final Instant RAISED = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anOlderStepArrivingLateKeepsTheLatestStatus() {
        ChangeRequestView view = ChangeRequestView.of(step(null, "ChangeApproved", "APPROVED", RAISED.plusSeconds(60)));
        view.apply(step(null, "ImpactAnalysed", "IMPACT_ANALYSED", RAISED.plusSeconds(30)));
        assertEquals("APPROVED", view.status);
        assertEquals(RAISED.plusSeconds(60), view.updatedAt);
    }

    @Test
    void aLateRaisingStillLinksTheCase() {
        ChangeRequestView view = ChangeRequestView.of(step(null, "ChangeApproved", "APPROVED", RAISED.plusSeconds(60)));
        view.apply(step("case-1", "ChangeRequestRaised", "RAISED", RAISED));
        assertEquals("case-1", view.fscaCaseId);
        assertEquals("ChangeApproved", view.milestone);
    }

    @Test
    void aRedeliveredStepChangesNothing() {
        ChangeRequestView view = ChangeRequestView.of(step("case-1", "ChangeRequestRaised", "RAISED", RAISED));
        view.apply(step(null, "ChangeVerified", "VERIFIED", RAISED.plusSeconds(90)));
        view.apply(step(null, "ChangeVerified", "VERIFIED", RAISED.plusSeconds(90)));
        assertEquals("VERIFIED", view.status);
        assertEquals("case-1", view.fscaCaseId);
    }

    private static ChangeRequestStep step(String caseId, String milestone, String status, Instant at) {
        return new ChangeRequestStep("cr-1", caseId, milestone, status, at);
    }
}
