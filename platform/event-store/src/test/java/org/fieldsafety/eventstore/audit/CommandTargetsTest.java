package org.fieldsafety.eventstore.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class CommandTargetsTest {

    private static final CommandTargetResolver AXON =
            AnnotationCommandTargetResolver.builder().build();

    record Step(String note, @TargetAggregateIdentifier String caseId) {}

    static class Inherited {
        @TargetAggregateIdentifier
        private final String problemId;

        Inherited(String problemId) {
            this.problemId = problemId;
        }
    }

    static final class Child extends Inherited {
        Child(String problemId) {
            super(problemId);
        }
    }

    static final class ByMethod {
        @TargetAggregateIdentifier
        String target() {
            return "cr-" + 7;
        }
    }

    record Unaddressed(String caseId) {}

    record Versioned(@TargetAggregateIdentifier String caseId, @TargetAggregateVersion long version) {}

    @Test
    void findsTheTargetWhereAxonsResolverFindsIt() {
        for (Object command : new Object[] {new Step("n", "case-1"), new Child("problem-2"), new ByMethod()}) {
            assertEquals(
                    AXON.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                            .getIdentifier(),
                    CommandTargets.aggregateId(command));
        }
        assertEquals("case-1", CommandTargets.aggregateId(new Step("n", "case-1")));
        assertEquals("problem-2", CommandTargets.aggregateId(new Child("problem-2")));
        assertEquals("cr-7", CommandTargets.aggregateId(new ByMethod()));
    }

    @Test
    void eachCommandOfAClassHasItsOwnTarget() {
        assertEquals("case-1", CommandTargets.aggregateId(new Step("n", "case-1")));
        assertEquals("case-2", CommandTargets.aggregateId(new Step("n", "case-2")));
    }

    @Test
    void aCommandWithoutATargetIsRefusedAsAxonRefusesIt() {
        for (Object command : new Object[] {new Unaddressed("case-1"), new Step("n", null)}) {
            IllegalArgumentException axon = assertThrows(
                    IllegalArgumentException.class,
                    () -> AXON.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            IllegalArgumentException ours =
                    assertThrows(IllegalArgumentException.class, () -> CommandTargets.aggregateId(command));
            assertEquals(axon.getMessage(), ours.getMessage());
        }
    }

    @Test
    void aVersionAnnotationIsRefusedRatherThanIgnored() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> CommandTargets.aggregateId(new Versioned("case-1", 3)));
        assertTrue(refused.getMessage().contains(AuditedCommands.EXPECTED_VERSION), refused.getMessage());
    }
}
