package org.fieldsafety.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.junit.jupiter.api.Test;

class ExpectedVersionTargetsTest {

    record Step(@TargetAggregateIdentifier String caseId) {}

    private final ExpectedVersionTargets targets = new ExpectedVersionTargets();

    @Test
    void theVersionTheSenderSawTravelsWithTheTarget() {
        VersionedAggregateIdentifier target =
                targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Step("case-1"))
                        .andMetaData(Map.of(AuditedCommands.EXPECTED_VERSION, 7L)));
        assertEquals("case-1", target.getIdentifier());
        assertEquals(7L, target.getVersion());
    }

    @Test
    void withoutAVersionAnyVersionIsTaken() {
        VersionedAggregateIdentifier target =
                targets.resolveTarget(GenericCommandMessage.asCommandMessage(new Step("case-1")));
        assertEquals("case-1", target.getIdentifier());
        assertNull(target.getVersion());
    }
}
