package org.fieldsafety.fsca.console.changecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlPages.SafetyClassed;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ChangeRequest;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ImpactAnalysis;
import org.junit.jupiter.api.Test;

class ChangeControlPagesTest {

    @Test
    void aListIsFilteredOnlyByAStatusChangeControlKnows() {
        assertEquals("OPEN", ChangeControlPages.known(ChangeControlPages.PROBLEM_REPORT_STATUSES, "OPEN"));
        assertNull(ChangeControlPages.known(ChangeControlPages.PROBLEM_REPORT_STATUSES, "open"));
        assertNull(ChangeControlPages.known(ChangeControlPages.CHANGE_REQUEST_STATUSES, null));
    }

    @Test
    void theAffectedItemsCarryTheirAnalysedClassAnItemLeftOutCountingAsClassC() {
        ChangeRequest raised = change(null);
        assertEquals(List.of(new SafetyClassed("dose-calculator", null)), ChangeControlPages.items(raised));

        ChangeRequest analysed = change(new ImpactAnalysis(
                "summary", List.of("dose-calculator", "ui"), List.of(), "eng", Instant.EPOCH, Map.of("ui", "A")));
        assertEquals(
                List.of(new SafetyClassed("dose-calculator", "C"), new SafetyClassed("ui", "A")),
                ChangeControlPages.items(analysed));
    }

    private static ChangeRequest change(ImpactAnalysis analysis) {
        return new ChangeRequest(
                "cr-1",
                "title",
                "reason",
                "infusion-pump",
                List.of("dose-calculator"),
                null,
                null,
                null,
                analysis == null ? "RAISED" : "IMPACT_ANALYSED",
                "eng",
                Instant.EPOCH,
                1,
                analysis,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
