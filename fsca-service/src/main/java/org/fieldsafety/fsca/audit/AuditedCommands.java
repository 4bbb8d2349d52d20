package org.fieldsafety.fsca.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.fsca.cases.FscaCaseCommand;
import org.fieldsafety.platform.ProblemException;

/**
 * The one way case commands are sent: with who asked (as the {@value #WHO} metadata that every event
 * the command causes carries), and in one transaction with the audit chain's new links. Blocking.
 */
@ApplicationScoped
public class AuditedCommands {

    /** The metadata key of the user (or {@value #SYSTEM}) on whose behalf a command ran. */
    public static final String WHO = "who";

    public static final String SYSTEM = "system";

    private final CommandGateway commands;
    private final AuditTrail trail;

    AuditedCommands(CommandGateway commands, AuditTrail trail) {
        this.commands = commands;
        this.trail = trail;
    }

    /**
     * Axon joins this transaction, so the events and their links commit together or not at all.
     *
     * @return what the command handler returned (null for most)
     * @throws ProblemException 404 when the case does not exist, or the rule the command broke
     */
    @Transactional
    public <R> R send(FscaCaseCommand command, String who) {
        try {
            R result = commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(WHO, who)));
            trail.extend(command.caseId());
            return result;
        } catch (AggregateNotFoundException e) {
            throw ProblemException.notFound("FSCA case " + command.caseId());
        }
    }
}
