package org.fieldsafety.changecontrol.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one state function of the change request workflow (IEC 62304 6.2, 6.3, 8.2), for every step. */
class ChangeRequestStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ChangeRequestRaised, RAISED",
        "ImpactAnalysed, IMPACT_ANALYSED",
        "ChangeApproved, APPROVED",
        "ChangeImplemented, IMPLEMENTED",
        "ImpactAnalysisReopened, IMPACT_ANALYSIS_REQUIRED",
        "ChangeVerified, VERIFIED",
        "ChangeReleased, RELEASED",
        "ChangeCommunicated, COMMUNICATED",
        "ChangeRequestClosed, CLOSED"
    })
    void everyStepLeadsToItsStatus(String step, ChangeRequestStatus expected) throws ReflectiveOperationException {
        assertEquals(expected, ChangeRequestStatus.after(event(step)));
    }

    @Test
    void everyStepIsInTheTableAbove() {
        assertEquals(9, ChangeRequestEvent.class.getPermittedSubclasses().length);
    }

    /** The event of that name, its fields empty: the status depends on the step alone. */
    private static ChangeRequestEvent event(String step) throws ReflectiveOperationException {
        Class<?> type = Arrays.stream(ChangeRequestEvent.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(step))
                .findFirst()
                .orElseThrow();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(c -> c.getType() == long.class ? (Object) 0L : null)
                .toArray();
        return (ChangeRequestEvent) type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                .newInstance(values);
    }
}
