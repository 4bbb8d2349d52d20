package org.fieldsafety.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.audit.CommandTargets;

/**
 * A command's target aggregate from its {@code @TargetAggregateIdentifier} ({@link CommandTargets}), and the
 * version its sender saw from the {@value AuditedCommands#EXPECTED_VERSION} metadata: Axon's repository then
 * refuses the command when the aggregate has events after that version (its default conflict resolution), so
 * a step decided on a stale view of the record is never applied.
 */
final class ExpectedVersionTargets implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(
                CommandTargets.aggregateId(command.getPayload()),
                command.getMetaData().get(AuditedCommands.EXPECTED_VERSION) instanceof Number expected
                        ? expected.longValue()
                        : null);
    }
}
