package org.fieldsafety.changecontrol.change.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent;
import org.fieldsafety.contracts.ChangeRequestMilestone;
import org.junit.jupiter.api.Test;

/**
 * Every stored step is published under a CloudEvent type the contract names: a new event here without its
 * milestone in contracts would stop the publisher (it retries the event it cannot type) and the PMS.
 */
class ChangeRequestPublisherTest {

    @Test
    void everyChangeRequestStepAfterTheRaisingIsAContractMilestone() {
        Set<String> steps = names(ChangeRequestEvent.class);
        steps.remove(ChangeRequestEvent.ChangeRequestRaised.class.getSimpleName());

        assertEquals(Set.copyOf(ChangeRequestMilestone.MILESTONES), steps);
    }

    private static Set<String> names(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .collect(Collectors.toSet());
    }
}
