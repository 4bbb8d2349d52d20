package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.junit.jupiter.api.Test;

/** The one state function of an FSCA case: forward only, in the order of its steps. */
class CaseStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final String CASE = "case-1";

    @Test
    void theStepsOfAnFscaMoveTheCaseInTheirOrder() {
        CaseStatus status = CaseStatus.after(null, new FscaCaseOpened(CASE, "p", "P", NOW, null, 0));
        assertEquals(CaseStatus.OPEN, status);
        status = CaseStatus.after(status, new HealthHazardAssessed(CASE, "assessed", false, NOW, false, null, 0));
        assertEquals(CaseStatus.OPEN, status);
        status = CaseStatus.after(
                status,
                new FscaDecided(
                        CASE, "p", "P", List.of(), FscaDecision.FSCA_REQUIRED, null, "r", null, 1, false, false));
        assertEquals(CaseStatus.DECIDED, status);
        status = CaseStatus.after(status, new AuthorityNotified(CASE, "p", "P", "BfArM", "ref", NOW, "DE", true));
        assertEquals(CaseStatus.AUTHORITY_NOTIFIED, status);
        status = CaseStatus.after(status, new FieldSafetyNoticeIssued(CASE, "p", "P", null, List.of("clinic"), null));
        assertEquals(CaseStatus.FSN_ISSUED, status);
        status = CaseStatus.after(status, checked(EffectivenessOutcome.FAILED));
        assertEquals(CaseStatus.FSN_ISSUED, status);
        status = CaseStatus.after(status, checked(EffectivenessOutcome.PASSED));
        assertEquals(CaseStatus.EFFECTIVENESS_VERIFIED, status);
        status = CaseStatus.after(status, new FscaCaseClosed(CASE, "p", "P", "done", null, 9));
        assertEquals(CaseStatus.CLOSED, status);
    }

    /** MDR Art. 87(8): an urgent case may notify the authority once its FSN is out; the case stays there. */
    @Test
    void anAuthorityNotifiedAfterTheNoticeDoesNotMoveTheCaseBack() {
        assertEquals(
                CaseStatus.FSN_ISSUED,
                CaseStatus.after(
                        CaseStatus.FSN_ISSUED, new AuthorityNotified(CASE, "p", "P", "BfArM", "ref", NOW, "DE", true)));
    }

    private static EffectivenessChecked checked(EffectivenessOutcome outcome) {
        return new EffectivenessChecked(CASE, outcome, "checked", NOW);
    }
}
