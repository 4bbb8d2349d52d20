package org.fieldsafety.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.fieldsafety.eventstore.audit.AuditedCommands;

/**
 * A command's target aggregate from its {@code @TargetAggregateIdentifier}, and the version its sender saw
 * from the {@value AuditedCommands#EXPECTED_VERSION} metadata: Axon's repository then refuses the command
 * when the aggregate has events after that version (its default conflict resolution), so a step decided
 * on a stale view of the record is never applied.
 */
final class ExpectedVersionTargets implements CommandTargetResolver {

    private static final CommandTargetResolver ANNOTATED =
            AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = ANNOTATED.resolveTarget(command);
        return command.getMetaData().get(AuditedCommands.EXPECTED_VERSION) instanceof Number expected
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), expected.longValue())
                : target;
    }
}
