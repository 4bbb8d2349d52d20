package org.fieldsafety.changecontrol.problem.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent;
import org.fieldsafety.contracts.ProblemReportMilestone;
import org.junit.jupiter.api.Test;

/**
 * Every stored step is published under a CloudEvent type the contract names: a new event here without its
 * milestone in contracts would stop the publisher (it retries the event it cannot type) and the PMS.
 */
class ProblemReportPublisherTest {

    @Test
    void everyProblemReportStepIsAContractMilestone() {
        assertEquals(
                Set.copyOf(ProblemReportMilestone.MILESTONES),
                Arrays.stream(ProblemReportEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .collect(Collectors.toSet()));
    }
}
