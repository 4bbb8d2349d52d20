package org.fieldsafety.changecontrol.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one state function of the problem resolution process (IEC 62304 clause 9), for every step. */
class ProblemReportStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ProblemReportOpened, OPEN",
        "ProblemInvestigated, INVESTIGATED",
        "ChangeRequestsLinked, CHANGE_REQUESTED",
        "NoActionDecided, NO_ACTION",
        "ResolutionVerified, RESOLUTION_VERIFIED",
        "ProblemReportClosed, CLOSED",
        "ProblemReportReopened, OPEN"
    })
    void everyStepButAdvisingPartiesMovesTheReport(String step, ProblemReportStatus expected)
            throws ReflectiveOperationException {
        assertEquals(expected, ProblemReportStatus.movedTo(event(step)));
        assertEquals(expected, ProblemReportStatus.after(ProblemReportStatus.INVESTIGATED, event(step)));
    }

    @Test
    void advisingPartiesLeavesTheReportWhereItIs() throws ReflectiveOperationException {
        assertNull(ProblemReportStatus.movedTo(event("PartiesAdvised")));
        assertEquals(
                ProblemReportStatus.NO_ACTION,
                ProblemReportStatus.after(ProblemReportStatus.NO_ACTION, event("PartiesAdvised")));
    }

    @Test
    void everyStepIsInTheTablesAbove() {
        assertEquals(8, ProblemReportEvent.class.getPermittedSubclasses().length);
    }

    /** The event of that name, its fields empty: the status depends on the step alone. */
    private static ProblemReportEvent event(String step) throws ReflectiveOperationException {
        Class<?> type = Arrays.stream(ProblemReportEvent.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(step))
                .findFirst()
                .orElseThrow();
        RecordComponent[] components = type.getRecordComponents();
        return (ProblemReportEvent) type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                .newInstance(new Object[components.length]);
    }
}
